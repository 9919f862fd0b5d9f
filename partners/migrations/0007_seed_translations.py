"""The organisations, their roles and agreements in Spanish and French, translated by the portal team.

As ``programmes.0021_seed_translations``, whose matching by the English text this uses: organisations
get their official names and acronyms where they have them (OIM, Organización Internacional para las
Migraciones, Organisation internationale pour les migrations); a proper name with none (Trinity
College) is the same in every language. Each record so translated has its note to be reviewed.
"""

import importlib

from django.db import migrations

seed_translations = importlib.import_module("programmes.migrations.0021_seed_translations")
MODELS = ("organisation", "participation", "agreement")

TEXTS = {
    "Dominican Ministry of Foreign Affairs": (
        "Ministerio de Relaciones Exteriores de la República Dominicana",
        "Ministère des Affaires étrangères de la République dominicaine",
    ),
    "European Union": ("Unión Europea", "Union européenne"),
    "EU": ("UE", "UE"),
    "Government of Canada": ("Gobierno de Canadá", "Gouvernement du Canada"),
    "Government of Jamaica": ("Gobierno de Jamaica", "Gouvernement de la Jamaïque"),
    "Government of the Dominican Republic": (
        "Gobierno de la República Dominicana",
        "Gouvernement de la République dominicaine",
    ),
    "IOM Development Fund": ("Fondo de la OIM para el Desarrollo", "Fonds de l'OIM pour le développement"),
    "IDF": ("IDF", "IDF"),
    "IOM's fund for projects that develop the migration management capacity of its Member States; the seminar's project record (T81-805) is one of its project pages.": (
        "Fondo de la OIM para proyectos que desarrollan la capacidad de gestión de la migración de sus Estados Miembros; la ficha de proyecto del seminario (T81-805) es una de sus páginas de proyectos.",
        "Fonds de l'OIM pour les projets qui développent les capacités de gestion des migrations de ses États Membres ; la fiche de projet du séminaire (T81-805) est l'une de ses pages de projets.",
    ),
    "International Labour Organization": (
        "Organización Internacional del Trabajo",
        "Organisation internationale du Travail",
    ),
    "ILO": ("OIT", "OIT"),
    "International Migration Policy Programme": (
        "Programa Internacional de Políticas Migratorias",
        "Programme international de politiques migratoires",
    ),
    "IMP": ("IMP", "IMP"),
    "International Organization for Migration": (
        "Organización Internacional para las Migraciones",
        "Organisation internationale pour les migrations",
    ),
    "IOM": ("OIM", "OIM"),
    "Joint United Nations Programme on HIV/AIDS": (
        "Programa Conjunto de las Naciones Unidas sobre el VIH/Sida",
        "Programme commun des Nations Unies sur le VIH/sida",
    ),
    "UNAIDS": ("ONUSIDA", "ONUSIDA"),
    "Latin American Faculty of Social Sciences": (
        "Facultad Latinoamericana de Ciencias Sociales",
        "Faculté latino-américaine de sciences sociales",
    ),
    "FLACSO": ("FLACSO", "FLACSO"),
    "Office of the United Nations High Commissioner for Refugees": (
        "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados",
        "Haut-Commissariat des Nations Unies pour les réfugiés",
    ),
    "UNHCR": ("ACNUR", "HCR"),
    "State Secretariat for Women": ("Secretaría de Estado de la Mujer", "Secrétariat d'État à la Femme"),
    "SSW": ("SEM", "SEM"),
    "Trinity College": ("Trinity College", "Trinity College"),
    "U.S. State Department": ("Departamento de Estado de los Estados Unidos", "Département d'État des États-Unis"),
    "United Nations Development Programme": (
        "Programa de las Naciones Unidas para el Desarrollo",
        "Programme des Nations Unies pour le développement",
    ),
    "UNDP": ("PNUD", "PNUD"),
    "United Nations Population Fund": (
        "Fondo de Población de las Naciones Unidas",
        "Fonds des Nations Unies pour la population",
    ),
    "UNFPA": ("UNFPA", "UNFPA"),
    "United States Government": ("Gobierno de los Estados Unidos", "Gouvernement des États-Unis"),
    "World Health Organization / Pan American Health Organization": (
        "Organización Mundial de la Salud / Organización Panamericana de la Salud",
        "Organisation mondiale de la Santé / Organisation panaméricaine de la santé",
    ),
    "WHO/PAHO": ("OMS/OPS", "OMS/OPS"),
    # Their roles in the programmes
    "convened the seminar with IMP and held the two-day follow-up meeting with governments": (
        "convocó el seminario con el IMP y celebró la reunión de seguimiento de dos días con los gobiernos",
        "a réuni le séminaire avec l'IMP et tenu la réunion de suivi de deux jours avec les gouvernements",
    ),
    "convened the seminar with IOM; the seminar was held under its aegis": (
        "convocó el seminario con la OIM; el seminario se celebró bajo sus auspicios",
        "a réuni le séminaire avec l'OIM ; le séminaire s'est tenu sous son égide",
    ),
    "published the baseline study and co-organized the seminar": (
        "publicó el estudio de base y coorganizó el seminario",
        "a publié l'étude de référence et coorganisé le séminaire",
    ),
    "signed a partnership agreement with IOM by April 2001 and co-organized the seminar": (
        "firmó un acuerdo de colaboración con la OIM en abril de 2001 y coorganizó el seminario",
        "a signé un accord de partenariat avec l'OIM en avril 2001 et coorganisé le séminaire",
    ),
    "co-organized the seminar bringing together government and civil society": (
        "coorganizó el seminario que reunió al gobierno y a la sociedad civil",
        "a coorganisé le séminaire réunissant le gouvernement et la société civile",
    ),
    "ran the first phase": ("ejecutó la primera fase", "a mené la première phase"),
    "runs the second phase": ("ejecuta la segunda fase", "mène la deuxième phase"),
    "implements the regional initiative": ("ejecuta la iniciativa regional", "met en œuvre l'initiative régionale"),
    "developed the program and runs the survey": (
        "elaboró el programa y realiza la encuesta",
        "a élaboré le programme et mène l'enquête",
    ),
    "develops the program in cooperation with IOM": (
        "elabora el programa en cooperación con la OIM",
        "élabore le programme en coopération avec l'OIM",
    ),
    "took part in the initial discussions on the project and its design in 2001": (
        "participó en las conversaciones iniciales sobre el proyecto y su diseño en 2001",
        "a participé aux premières discussions sur le projet et sa conception en 2001",
    ),
    "took part in the initial discussions in 2001; designs and implements the survey with IOM": (
        "participó en las conversaciones iniciales en 2001; diseña y realiza la encuesta con la OIM",
        "a participé aux premières discussions en 2001 ; conçoit et mène l'enquête avec l'OIM",
    ),
    "a U.S. academic expert from Trinity College designs and implements the survey with IOM": (
        "un experto académico estadounidense del Trinity College diseña y realiza la encuesta con la OIM",
        "un expert universitaire américain du Trinity College conçoit et mène l'enquête avec l'OIM",
    ),
    "is developing the program": ("está elaborando el programa", "élabore le programme"),
    "partner government; discussions underway in late 2002": (
        "gobierno asociado; conversaciones en curso a finales de 2002",
        "gouvernement partenaire ; discussions en cours fin 2002",
    ),
    "in discussions with IOM and the Government of Jamaica in late 2002": (
        "en conversaciones con la OIM y el Gobierno de Jamaica a finales de 2002",
        "en discussion avec l'OIM et le Gouvernement de la Jamaïque fin 2002",
    ),
    "proposes to establish the center": ("propone establecer el centro", "propose de créer le centre"),
    # Agreements
    "Translated into joint actions.": ("Se traduce en acciones conjuntas.", "Se traduit par des actions conjointes."),
    "migrants' health": ("salud de los migrantes", "santé des migrants"),
    "IOM and UNAIDS cooperation agreement on migrants' health": (
        "Acuerdo de cooperación entre la OIM y el ONUSIDA sobre la salud de los migrantes",
        "Accord de coopération entre l'OIM et l'ONUSIDA sur la santé des migrants",
    ),
    "IOM and WHO/PAHO cooperation agreement on migrants' health": (
        "Acuerdo de cooperación entre la OIM y la OMS/OPS sobre la salud de los migrantes",
        "Accord de coopération entre l'OIM et l'OMS/OPS sur la santé des migrants",
    ),
    "An agreement between the Dominican Republic's State Secretariat for Women (SSW) and IOM, cementing a close working partnership and commitment to progress on the issue.": (
        "Acuerdo entre la Secretaría de Estado de la Mujer (SEM) de la República Dominicana y la OIM, que consolida una estrecha colaboración y el compromiso de avanzar en la materia.",
        "Accord entre le Secrétariat d'État à la Femme (SEM) de la République dominicaine et l'OIM, scellant un partenariat étroit et un engagement à progresser sur la question.",
    ),
    "counter-trafficking": ("lucha contra la trata de personas", "lutte contre la traite des personnes"),
    "SSW and IOM counter-trafficking partnership agreement": (
        "Acuerdo de colaboración entre la SEM y la OIM para la lucha contra la trata de personas",
        "Accord de partenariat entre le SEM et l'OIM pour la lutte contre la traite des personnes",
    ),
}


def forwards(apps, schema_editor) -> None:
    seed_translations.translate(apps, "partners", MODELS, TEXTS)


def backwards(apps, schema_editor) -> None:
    seed_translations.untranslate(apps, "partners", MODELS, TEXTS)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0006_seed_facts"),
        ("programmes", "0021_seed_translations"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
