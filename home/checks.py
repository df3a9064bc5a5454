"""`manage.py check --deploy`: what PDFs (emergency cards, quiz posters, certificates) need on the server.

The site runs without them, so these are warnings: without the CJK fonts no Chinese PDF can be made
(the pages offer the English one instead), without libharfbuzz-subset every PDF takes 8-10 s.
"""

from django.core import checks

from . import pdf


@checks.register(checks.Tags.compatibility, deploy=True)
def pdf_system_packages(app_configs, **kwargs):
    warnings = []
    if not pdf.cjk_font_available():
        warnings.append(
            checks.Warning(
                f'The font "{pdf.CJK_FONT_FAMILY}" is not installed: Chinese PDFs (emergency cards, '
                "quiz posters) cannot be made, and pages offer them in English only.",
                hint=f"sudo apt-get install {pdf.CJK_FONT_PACKAGE}",
                id="home.W001",
            )
        )
    if not pdf.harfbuzz_subset_available():
        warnings.append(
            checks.Warning(
                f"{pdf.HARFBUZZ_SUBSET_LIBRARY} is missing: every PDF takes 8-10 s to render instead of "
                "about 0.15 s.",
                hint=f"sudo apt-get install {pdf.HARFBUZZ_SUBSET_PACKAGE}",
                id="home.W002",
            )
        )
    return warnings
