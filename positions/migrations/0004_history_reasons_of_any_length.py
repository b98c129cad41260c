"""History reasons as text: a correction note or a long list of edited fields must fit."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('positions', '0003_readers_search_index'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalevent',
            name='history_change_reason',
            field=models.TextField(null=True),
        ),
        migrations.AlterField(
            model_name='historicalparty',
            name='history_change_reason',
            field=models.TextField(null=True),
        ),
        migrations.AlterField(
            model_name='historicalperson',
            name='history_change_reason',
            field=models.TextField(null=True),
        ),
        migrations.AlterField(
            model_name='historicalposition',
            name='history_change_reason',
            field=models.TextField(null=True),
        ),
        migrations.AlterField(
            model_name='historicalrole',
            name='history_change_reason',
            field=models.TextField(null=True),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='history_change_reason',
            field=models.TextField(null=True),
        ),
        migrations.AlterField(
            model_name='historicaltopic',
            name='history_change_reason',
            field=models.TextField(null=True),
        ),
    ]
