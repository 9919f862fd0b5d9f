"""What the seed's grants fund, in Spanish and French, translated by the portal team.

As ``programmes.0021_seed_translations``, whose matching by the English text this uses: each purpose
reads after "para" / "pour" on a programme's page ("for the baseline assessment component"), so it
keeps its article; the component and the fund are named as the seed's translations name them
("Evaluación de base", "volet"; "Fondo de la OIM para el Desarrollo"). Each grant so translated has
its note to be reviewed.
"""

import importlib

from django.db import migrations

seed_translations = importlib.import_module("programmes.migrations.0021_seed_translations")
MODELS = ("grant",)

TEXTS = {
    "the baseline assessment component": (
        "el componente de evaluación de base",
        "le volet d'évaluation de référence",
    ),
    "special funds for the formal information campaign (TV, radio and press)": (
        "fondos especiales para la campaña de información formal (televisión, radio y prensa)",
        "des fonds spéciaux pour la campagne d'information formelle (télévision, radio et presse)",
    ),
    "the four areas of activity of phase two": (
        "las cuatro áreas de actividad de la segunda fase",
        "les quatre domaines d'activité de la deuxième phase",
    ),
    "a contribution to the national survey on the Haitian population": (
        "una contribución a la encuesta nacional sobre la población haitiana",
        "une contribution à l'enquête nationale sur la population haïtienne",
    ),
    "interconnected activities for sensitisation, education and political support for migrants rights": (
        "actividades interrelacionadas de sensibilización, educación y apoyo político a los derechos de los migrantes",
        "des activités liées entre elles de sensibilisation, d'éducation et de soutien politique aux droits des migrants",
    ),
    "the IOM Development Fund project T81-805": (
        "el proyecto T81-805 del Fondo de la OIM para el Desarrollo",
        "le projet T81-805 du Fonds de l'OIM pour le développement",
    ),
}


def forwards(apps, schema_editor) -> None:
    seed_translations.translate(apps, "funding", MODELS, TEXTS)


def backwards(apps, schema_editor) -> None:
    seed_translations.untranslate(apps, "funding", MODELS, TEXTS)


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0014_grant_purpose_translations"),
        ("partners", "0007_seed_translations"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
