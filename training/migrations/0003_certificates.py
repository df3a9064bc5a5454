# Certificates (one per completion, the PDF in the private storage) and the seal and signatory settings.

import django.db.models.deletion
import django.utils.timezone
import home.private_storage
import training.models.certificates
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('training', '0002_group_permissions'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Certificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(editable=False, max_length=16, unique=True, verbose_name='verification code')),
                ('holder_name', models.CharField(max_length=150, verbose_name='name on the certificate')),
                ('holder_romanised_name', models.CharField(blank=True, max_length=150, verbose_name='name in Latin letters')),
                ('issued_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='issued')),
                ('file', models.FileField(blank=True, storage=home.private_storage.private_storage, upload_to=training.models.certificates.certificate_path, verbose_name='file')),
                ('size', models.PositiveIntegerField(default=0, verbose_name='size in bytes')),
                ('rendered_at', models.DateTimeField(blank=True, null=True, verbose_name='rendered')),
                ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked')),
                ('revoke_reason', models.TextField(blank=True, verbose_name='reason for revoking')),
                ('completion', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='certificate', to='training.completion', verbose_name='completion')),
                ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='revoked by')),
            ],
            options={
                'verbose_name': 'certificate',
                'verbose_name_plural': 'certificates',
                'ordering': ['-issued_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='TrainingSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('signatory_name_zh', models.CharField(blank=True, max_length=60, verbose_name="signatory's name (Chinese)")),
                ('signatory_name_en', models.CharField(blank=True, max_length=60, verbose_name="signatory's name (English)")),
                ('signatory_title_zh', models.CharField(blank=True, max_length=120, verbose_name="signatory's title (Chinese)")),
                ('signatory_title_en', models.CharField(blank=True, max_length=120, verbose_name="signatory's title (English)")),
                ('seal', models.ForeignKey(blank=True, help_text="The office's seal, printed on certificates (a PNG with a transparent background).", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='seal')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'training settings',
            },
        ),
    ]
