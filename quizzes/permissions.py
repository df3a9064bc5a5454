"""The named permissions that guard the room's staff screens (given to Officers by migration 0002)."""

VIEW_REPORTS = "quizzes.view_reports"
CHECK_CODES = "quizzes.check_result_codes"
