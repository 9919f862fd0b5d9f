"""The seed in Spanish and French: its texts translated by the portal team, countries named from CLDR.

Every seed record's texts get their Spanish and French where they have none, matched by their
English (so a text the seed repeats, such as an estimate note, is translated once here), and each
record so translated gets a note per language, "Translated by the portal team, to be reviewed"
(``TranslationSource``), which the admin shows until staff have reviewed it. Numbers and dates stay
as in the source. Countries' names come from CLDR (``programmes.country_names``), never from here.
A translation staff wrote first is left as it is; going back clears only what this migration wrote.
"""

from django.db import migrations

from programmes.country_names import country_name

NOTE = "Translated by the portal team, to be reviewed."
MODELS = (
    "country",
    "thematicarea",
    "projecttype",
    "programme",
    "component",
    "result",
    "indicator",
    "period",
    "keyfigure",
    "publication",
    "relatedactivity",
    "overview",
    "overviewentry",
)
OTHER_LANGUAGES = ("es", "fr")

TEXTS = {
    # Country (the sources' other name; the names themselves come from CLDR)
    "Dutch Antilles": ("Antillas Holandesas", "Antilles hollandaises"),
    # Thematic areas
    "Migration management": ("Gestión de la migración", "Gestion des migrations"),
    "Technical cooperation to strengthen migration management systems": (
        "Cooperación técnica para fortalecer los sistemas de gestión de la migración",
        "Coopération technique pour renforcer les systèmes de gestion des migrations",
    ),
    "Dialogue and information exchange": ("Diálogo e intercambio de información", "Dialogue et échange d'informations"),
    "Promotion of dialogue and information exchange about migration": (
        "Promoción del diálogo y del intercambio de información sobre la migración",
        "Promotion du dialogue et de l'échange d'informations sur les migrations",
    ),
    "Return of highly skilled migrants": (
        "Retorno de migrantes altamente calificados",
        "Retour de migrants hautement qualifiés",
    ),
    "Return & reintegration of highly skilled migrants": (
        "Retorno y reintegración de migrantes altamente calificados",
        "Retour et réintégration de migrants hautement qualifiés",
    ),
    "Movement assistance": ("Asistencia para el traslado", "Aide au mouvement"),
    "Labour migration": ("Migración laboral", "Migration de main-d'œuvre"),
    "Facilitating labor migration, especially in the area of health experts": (
        "Facilitar la migración laboral, especialmente de expertos en salud",
        "Faciliter la migration de main-d'œuvre, en particulier des experts de la santé",
    ),
    "Irregular flows, smuggling and trafficking": (
        # An area's name holds 60 characters: "de migrants" is understood, as in the English.
        "Flujos irregulares, tráfico ilícito y trata de personas",
        "Flux irréguliers, trafic illicite et traite des personnes",
    ),
    "Combating irregular flows including different forms of smuggling and trafficking of persons": (
        "Combatir los flujos irregulares, incluidas las distintas formas de tráfico ilícito de migrantes y de trata de personas",
        "Lutter contre les flux irréguliers, y compris les différentes formes de trafic illicite de migrants et de traite des personnes",
    ),
    "Migrant rights and health": ("Derechos y salud de los migrantes", "Droits et santé des migrants"),
    "Promotion of migrant rights, including migrants' access to adequate health care and the relation between mobile populations and the spread of infectious diseases, including HIV/AIDS": (
        "Promoción de los derechos de los migrantes, incluido su acceso a una atención de salud adecuada y la relación entre las poblaciones móviles y la propagación de enfermedades infecciosas, entre ellas el VIH/sida",
        "Promotion des droits des migrants, y compris leur accès à des soins de santé adéquats et le lien entre les populations mobiles et la propagation des maladies infectieuses, dont le VIH/sida",
    ),
    # Project type
    "Migration Policy Activities": ("Actividades de política migratoria", "Activités de politique migratoire"),
    # Programmes: titles
    "Technical Cooperation Center for the Caribbean": (
        "Centro de Cooperación Técnica para el Caribe",
        "Centre de coopération technique pour les Caraïbes",
    ),
    "Regional initiative for the Caribbean on HIV/AIDS and mobile populations": (
        "Iniciativa regional para el Caribe sobre el VIH/sida y las poblaciones móviles",
        "Initiative régionale pour les Caraïbes sur le VIH/sida et les populations mobiles",
    ),
    "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase one": (
        "Programa para prevenir y combatir la trata de mujeres en la República Dominicana: primera fase",
        "Programme de prévention et de lutte contre la traite des femmes en République dominicaine : première phase",
    ),
    "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase two": (
        "Programa para prevenir y combatir la trata de mujeres en la República Dominicana: segunda fase",
        "Programme de prévention et de lutte contre la traite des femmes en République dominicaine : deuxième phase",
    ),
    "International Migration Policy Seminar for the Caribbean Region": (
        "Seminario Internacional sobre Políticas Migratorias para la Región del Caribe",
        "Séminaire international sur les politiques migratoires pour la région des Caraïbes",
    ),
    "Managing Migration and Promoting Migrants Rights": (
        "Gestión de la migración y promoción de los derechos de los migrantes",
        "Gérer les migrations et promouvoir les droits des migrants",
    ),
    "Counter-Trafficking Assistance in the Dominican Republic": (
        "Asistencia para la lucha contra la trata de personas en la República Dominicana",
        "Assistance à la lutte contre la traite des personnes en République dominicaine",
    ),
    "Capacity Building in Migration Management in Jamaica": (
        "Fortalecimiento de capacidades en gestión de la migración en Jamaica",
        "Renforcement des capacités en gestion des migrations en Jamaïque",
    ),
    "Haitian Migration Management Program": (
        "Programa de Gestión de la Migración Haitiana",
        "Programme de gestion des migrations haïtiennes",
    ),
    "Haitian Technical Assistance Project": (
        "Proyecto de Asistencia Técnica a Haití",
        "Projet d'assistance technique à Haïti",
    ),
    "Regional Seminars on Migration Policy and Practice": (
        "Seminarios regionales sobre políticas y prácticas migratorias",
        "Séminaires régionaux sur les politiques et pratiques migratoires",
    ),
    "Regularization and Repatriation of Haitian Nationals from the Turks and Caicos Islands": (
        "Regularización y repatriación de nacionales haitianos desde las Islas Turcas y Caicos",
        "Régularisation et rapatriement de ressortissants haïtiens depuis les Îles Turques-et-Caïques",
    ),
    "Return and Reintegration of Qualified Jamaican Nationals": (
        "Retorno y reintegración de nacionales jamaiquinos calificados",
        "Retour et réintégration de ressortissants jamaïcains qualifiés",
    ),
    "Third Country Return": ("Retorno a terceros países", "Retour vers des pays tiers"),
    # Programmes: summaries
    "IOM proposes to establish a Technical Cooperation Center for the Caribbean region in 2003.": (
        "La OIM propone establecer en 2003 un Centro de Cooperación Técnica para la región del Caribe.",
        "L'OIM propose de créer en 2003 un Centre de coopération technique pour la région des Caraïbes.",
    ),
    "Starting in November 2002, a regional initiative to examine HIV/AIDS and mobile populations in the Caribbean.": (
        "A partir de noviembre de 2002, una iniciativa regional para examinar el VIH/sida y las poblaciones móviles en el Caribe.",
        "À partir de novembre 2002, une initiative régionale pour étudier le VIH/sida et les populations mobiles dans les Caraïbes.",
    ),
    "The first phase of the program ran from October 2001 to August 2002.": (
        "La primera fase del programa se desarrolló de octubre de 2001 a agosto de 2002.",
        "La première phase du programme s'est déroulée d'octobre 2001 à août 2002.",
    ),
    "IOM and IMP convened a migration policy seminar for the Caribbean region in Jamaica from 28 May to 1 June 2001, to find common solutions to the challenges posed by labour migration, migrant trafficking, HIV/AIDS and irregular migration in general.": (
        "La OIM y el IMP convocaron un seminario sobre políticas migratorias para la región del Caribe en Jamaica, del 28 de mayo al 1 de junio de 2001, para encontrar soluciones comunes a los desafíos que plantean la migración laboral, la trata de migrantes, el VIH/sida y la migración irregular en general.",
        "L'OIM et l'IMP ont réuni un séminaire sur les politiques migratoires pour la région des Caraïbes en Jamaïque, du 28 mai au 1er juin 2001, afin de trouver des solutions communes aux défis que posent la migration de main-d'œuvre, la traite des migrants, le VIH/sida et la migration irrégulière en général.",
    ),
    "A program to promote migrants' rights within an overall approach to migration management in the Dominican Republic, developed with the Government of the Dominican Republic.": (
        "Un programa para promover los derechos de los migrantes dentro de un enfoque global de gestión de la migración en la República Dominicana, elaborado con el Gobierno de la República Dominicana.",
        "Un programme de promotion des droits des migrants dans le cadre d'une approche globale de la gestion des migrations en République dominicaine, élaboré avec le Gouvernement de la République dominicaine.",
    ),
    "Since 2000 IOM has worked closely with governmental and nongovernmental actors on a comprehensive counter-trafficking program for the Dominican Republic.": (
        "Desde 2000, la OIM trabaja estrechamente con actores gubernamentales y no gubernamentales en un programa integral de lucha contra la trata de personas para la República Dominicana.",
        "Depuis 2000, l'OIM travaille en étroite collaboration avec des acteurs gouvernementaux et non gouvernementaux à un programme global de lutte contre la traite des personnes pour la République dominicaine.",
    ),
    "A program IOM is developing to partner the Government of Jamaica in dealing with its migratory challenges by enhancing migration management capabilities.": (
        "Un programa que la OIM está elaborando para acompañar al Gobierno de Jamaica en sus desafíos migratorios mediante el fortalecimiento de sus capacidades de gestión de la migración.",
        "Un programme que l'OIM élabore pour accompagner le Gouvernement de la Jamaïque face à ses défis migratoires en renforçant ses capacités de gestion des migrations.",
    ),
    "Phase two consolidates the results of phase one and takes concrete actions against trafficking through a four-pronged approach.": (
        "La segunda fase consolida los resultados de la primera y emprende acciones concretas contra la trata mediante un enfoque de cuatro ejes.",
        "La deuxième phase consolide les résultats de la première et mène des actions concrètes contre la traite selon une approche en quatre volets.",
    ),
    # Programmes: descriptions
    "Such a center will allow IOM to provide training in migration matters to national governments, within an integrated approach. IOM will thus be able to mobilize experts to respond to specific training needs, assist in legislation review, and facilitate modernization of relevant institutions.": (
        "Un centro de este tipo permitirá a la OIM impartir capacitación en materia migratoria a los gobiernos nacionales, dentro de un enfoque integrado. La OIM podrá así movilizar expertos para responder a necesidades específicas de capacitación, prestar asistencia en la revisión de la legislación y facilitar la modernización de las instituciones pertinentes.",
        "Un tel centre permettra à l'OIM de dispenser aux gouvernements nationaux des formations en matière de migration, dans le cadre d'une approche intégrée. L'OIM pourra ainsi mobiliser des experts pour répondre à des besoins de formation précis, aider à la révision de la législation et faciliter la modernisation des institutions concernées.",
    ),
    "Mobility is an inherent characteristic of Caribbean life. There is significant internal movement within the region and, to a lesser extent, migration out of the region as well. The flows are not uni-directional. Couple this fact with the knowledge that HIV/AIDS is the leading cause of death for Caribbean citizens between the ages of 15 and 44, and that the Caribbean has the second highest HIV prevalence in the world, and the need for both data and action around the nexus between HIV/AIDS and mobility is clear.\n\nTo address this need, IOM will implement, starting in November 2002, a regional initiative to examine HIV/AIDS and mobile populations in the Caribbean. The project will encompass two main areas of work.\n\nThe overall objective is to contribute to the reduction of sexually transmitted infections, HIV/AIDS and tuberculosis among mobile populations in the Caribbean and improve their access to prevention, care and support.": (
        "La movilidad es una característica inherente a la vida en el Caribe. Existe un importante movimiento interno dentro de la región y, en menor medida, también migración fuera de ella. Los flujos no son unidireccionales. Si a ello se suma que el VIH/sida es la principal causa de muerte de los ciudadanos caribeños de entre 15 y 44 años, y que el Caribe tiene la segunda prevalencia de VIH más alta del mundo, resulta clara la necesidad de datos y de acción en torno al vínculo entre el VIH/sida y la movilidad.\n\nPara responder a esta necesidad, la OIM ejecutará, a partir de noviembre de 2002, una iniciativa regional para examinar el VIH/sida y las poblaciones móviles en el Caribe. El proyecto abarcará dos grandes ámbitos de trabajo.\n\nEl objetivo general es contribuir a reducir las infecciones de transmisión sexual, el VIH/sida y la tuberculosis entre las poblaciones móviles del Caribe y mejorar su acceso a la prevención, la atención y el apoyo.",
        "La mobilité est une caractéristique inhérente à la vie dans les Caraïbes. Il existe d'importants mouvements internes dans la région et, dans une moindre mesure, des migrations hors de la région. Les flux ne vont pas dans un seul sens. Si l'on ajoute que le VIH/sida est la première cause de décès des citoyens caribéens âgés de 15 à 44 ans, et que les Caraïbes ont la deuxième prévalence du VIH la plus élevée au monde, le besoin de données et d'action sur le lien entre le VIH/sida et la mobilité est évident.\n\nPour répondre à ce besoin, l'OIM mettra en œuvre, à partir de novembre 2002, une initiative régionale pour étudier le VIH/sida et les populations mobiles dans les Caraïbes. Le projet comprendra deux grands volets de travail.\n\nL'objectif général est de contribuer à réduire les infections sexuellement transmissibles, le VIH/sida et la tuberculose parmi les populations mobiles des Caraïbes et d'améliorer leur accès à la prévention, aux soins et au soutien.",
    ),
    "From October 2001 to August 2002, the program to Prevent and Combat Trafficking of Women in the Dominican Republic ran its first phase.\n\nIOM allocated special funds to support the formal information campaign (TV, radio and press) which took place during this phase. These public information and education activities addressed trafficking both internally and abroad.": (
        "De octubre de 2001 a agosto de 2002, el programa para prevenir y combatir la trata de mujeres en la República Dominicana desarrolló su primera fase.\n\nLa OIM asignó fondos especiales para apoyar la campaña de información formal (televisión, radio y prensa) que tuvo lugar durante esta fase. Estas actividades de información pública y educación abordaron la trata tanto interna como hacia el exterior.",
        "D'octobre 2001 à août 2002, le programme de prévention et de lutte contre la traite des femmes en République dominicaine a mené sa première phase.\n\nL'OIM a alloué des fonds spéciaux à la campagne d'information formelle (télévision, radio et presse) menée pendant cette phase. Ces activités d'information du public et d'éducation portaient sur la traite à l'intérieur du pays comme à l'étranger.",
    ),
    "IOM and IMP convened a migration policy seminar for the Caribbean region in Jamaica from 28 May to 1 June 2001, as a follow-up to the regional meeting in Santo Domingo, Dominican Republic in November 2000. The major aims of this seminar were to find common solutions to the challenges posed by labour migration, migrant trafficking, HIV/AIDS and irregular migration in general.\n\nWhile the seminar was held under the aegis of IMP, there was a follow-up two-day meeting with governments and other participants to find ways of translating the findings of the seminar into practical work plans of use to both the governments of the region and IOM. This was an important and ground-breaking adjunct to the IMP/IOM seminar inasmuch as it took the discussion to the next level of practical programme planning.": (
        "La OIM y el IMP convocaron un seminario sobre políticas migratorias para la región del Caribe en Jamaica, del 28 de mayo al 1 de junio de 2001, como seguimiento de la reunión regional celebrada en Santo Domingo, República Dominicana, en noviembre de 2000. Los principales objetivos del seminario eran encontrar soluciones comunes a los desafíos que plantean la migración laboral, la trata de migrantes, el VIH/sida y la migración irregular en general.\n\nAunque el seminario se celebró bajo los auspicios del IMP, hubo una reunión de seguimiento de dos días con los gobiernos y otros participantes para buscar la manera de traducir las conclusiones del seminario en planes de trabajo prácticos, útiles tanto para los gobiernos de la región como para la OIM. Fue un complemento importante y pionero del seminario IMP/OIM, pues llevó el debate al siguiente nivel: la planificación práctica de programas.",
        "L'OIM et l'IMP ont réuni un séminaire sur les politiques migratoires pour la région des Caraïbes en Jamaïque, du 28 mai au 1er juin 2001, dans le prolongement de la réunion régionale tenue à Saint-Domingue, en République dominicaine, en novembre 2000. Ce séminaire avait pour principaux objectifs de trouver des solutions communes aux défis que posent la migration de main-d'œuvre, la traite des migrants, le VIH/sida et la migration irrégulière en général.\n\nSi le séminaire s'est tenu sous l'égide de l'IMP, il a été suivi d'une réunion de deux jours avec les gouvernements et d'autres participants afin de traduire ses conclusions en plans de travail concrets, utiles aux gouvernements de la région comme à l'OIM. Ce fut un complément important et novateur au séminaire IMP/OIM, car il a porté la discussion au stade de la planification concrète des programmes.",
    ),
    "In cooperation with the Government of the Dominican Republic, IOM has developed a program to promote migrants' rights within the framework of an overall approach to migration management in the Dominican Republic. The project is a first step in a wider comprehensive IOM strategy and program towards strengthening governmental and civil society structures dealing with migration in the country, to ensure both improved migration management and the respect of migrant and citizen rights. Information and education activities will target governmental institutions at the central and local levels, community leaders, decision makers and other civil society sectors at the local levels.\n\nInitial discussions on the project and its design started in 2001, with the Dominican Ministry of Foreign Affairs, the Latin American Faculty of Social Sciences (FLACSO), NGOs and IOM.": (
        "En cooperación con el Gobierno de la República Dominicana, la OIM ha elaborado un programa para promover los derechos de los migrantes en el marco de un enfoque global de gestión de la migración en la República Dominicana. El proyecto es un primer paso de una estrategia y un programa más amplios e integrales de la OIM para fortalecer las estructuras gubernamentales y de la sociedad civil que se ocupan de la migración en el país, a fin de garantizar tanto una mejor gestión de la migración como el respeto de los derechos de los migrantes y de los ciudadanos. Las actividades de información y educación se dirigirán a las instituciones gubernamentales de nivel central y local, a los líderes comunitarios, a los responsables de la toma de decisiones y a otros sectores de la sociedad civil a nivel local.\n\nLas conversaciones iniciales sobre el proyecto y su diseño comenzaron en 2001 con el Ministerio de Relaciones Exteriores dominicano, la Facultad Latinoamericana de Ciencias Sociales (FLACSO), ONG y la OIM.",
        "En coopération avec le Gouvernement de la République dominicaine, l'OIM a élaboré un programme de promotion des droits des migrants dans le cadre d'une approche globale de la gestion des migrations en République dominicaine. Le projet est la première étape d'une stratégie et d'un programme plus larges de l'OIM visant à renforcer les structures gouvernementales et de la société civile chargées des migrations dans le pays, afin d'assurer à la fois une meilleure gestion des migrations et le respect des droits des migrants et des citoyens. Les activités d'information et d'éducation viseront les institutions gouvernementales aux niveaux central et local, les dirigeants communautaires, les décideurs et d'autres secteurs de la société civile au niveau local.\n\nLes premières discussions sur le projet et sa conception ont commencé en 2001 avec le ministère dominicain des Affaires étrangères, la Faculté latino-américaine de sciences sociales (FLACSO), des ONG et l'OIM.",
    ),
    "IOM began working closely with governmental and nongovernmental actors to facilitate a comprehensive counter trafficking program for the Dominican Republic in 2000. By April 2001, an agreement between the Dominican Republic's State Secretariat for Women (SSW) and IOM was signed, cementing a close working partnership and commitment to progress on the issue.\n\nTrafficking is not a new phenomenon to the Dominican Republic. IOM estimates that over the past fifteen years some 50,000 Dominican women have been trafficked to the Dutch Antilles, Europe and more recently Argentina and Central America through false employment offers or marriage promises. Many have ended up in debt bondage, abused and exploited in the commercial sex industry, domestic service, or working in bars and restaurants. The majority of these women are between 17 and 30 years of age. They are poor and have little education.\n\nAs providing baseline information is a first step in any strategy to effect change, IOM first published a study on the Trafficking of Women from the Dominican Republic for Sexual Exploitation Purposes and disseminated this information throughout the country. Following this dissemination phase, a seminar was then organized by the Dominican Ministry of Foreign Affairs, the State Secretariat for Women and IOM to bring together both government and civil society to discuss the roles they play, and encourage potential interactions. By focusing on the roles of State and civil society, the groundwork for more effective outreach and action had begun.": (
        "En 2000, la OIM comenzó a trabajar estrechamente con actores gubernamentales y no gubernamentales para facilitar un programa integral de lucha contra la trata de personas para la República Dominicana. En abril de 2001 se firmó un acuerdo entre la Secretaría de Estado de la Mujer (SEM) de la República Dominicana y la OIM, que consolidó una estrecha colaboración y el compromiso de avanzar en la materia.\n\nLa trata no es un fenómeno nuevo en la República Dominicana. La OIM estima que en los últimos quince años unas 50.000 mujeres dominicanas han sido objeto de trata hacia las Antillas Holandesas, Europa y, más recientemente, Argentina y Centroamérica, mediante falsas ofertas de empleo o promesas de matrimonio. Muchas han terminado en servidumbre por deudas, maltratadas y explotadas en la industria del sexo comercial, el servicio doméstico o trabajando en bares y restaurantes. La mayoría de estas mujeres tienen entre 17 y 30 años. Son pobres y tienen poca educación.\n\nComo aportar información de base es el primer paso de toda estrategia de cambio, la OIM publicó primero un estudio sobre la trata de mujeres desde la República Dominicana con fines de explotación sexual y difundió esta información en todo el país. Tras esta fase de difusión, el Ministerio de Relaciones Exteriores dominicano, la Secretaría de Estado de la Mujer y la OIM organizaron un seminario que reunió al gobierno y a la sociedad civil para debatir el papel de cada uno y fomentar posibles interacciones. Al centrarse en el papel del Estado y de la sociedad civil, se sentaron las bases de una labor de sensibilización y de acción más eficaz.",
        "En 2000, l'OIM a commencé à travailler en étroite collaboration avec des acteurs gouvernementaux et non gouvernementaux pour faciliter un programme global de lutte contre la traite des personnes pour la République dominicaine. En avril 2001, un accord a été signé entre le Secrétariat d'État à la Femme (SEM) de la République dominicaine et l'OIM, scellant un partenariat étroit et un engagement à progresser sur la question.\n\nLa traite n'est pas un phénomène nouveau en République dominicaine. L'OIM estime qu'au cours des quinze dernières années, quelque 50 000 Dominicaines ont été victimes de la traite vers les Antilles néerlandaises, l'Europe et, plus récemment, l'Argentine et l'Amérique centrale, au moyen de fausses offres d'emploi ou de promesses de mariage. Beaucoup se sont retrouvées en servitude pour dettes, maltraitées et exploitées dans l'industrie du sexe, le travail domestique ou dans des bars et des restaurants. La plupart de ces femmes ont entre 17 et 30 ans. Elles sont pauvres et peu instruites.\n\nFournir des informations de référence étant la première étape de toute stratégie de changement, l'OIM a d'abord publié une étude sur la traite des femmes de la République dominicaine à des fins d'exploitation sexuelle et l'a diffusée dans tout le pays. À la suite de cette phase de diffusion, le ministère dominicain des Affaires étrangères, le Secrétariat d'État à la Femme et l'OIM ont organisé un séminaire réunissant le gouvernement et la société civile pour débattre de leurs rôles respectifs et favoriser les interactions. En mettant l'accent sur les rôles de l'État et de la société civile, les bases d'une sensibilisation et d'une action plus efficaces ont été posées.",
    ),
    "Targeted at technical cooperation and capacity building at the national level, IOM is developing a program to partner the Government of Jamaica in dealing with its migratory challenges by enhancing migration management capabilities and reinforcing technical infrastructure through modernization. The two main components of the project are improved border management systems and institutional strengthening.\n\nIOM's strategy for implementing the proposed changes is to utilize a comprehensive, holistic approach that deals with technological and knowledge-related gaps, and policy and legislative gaps that will enable the Government of Jamaica to effectively deal with their increasing migratory challenges.": (
        "Centrado en la cooperación técnica y el fortalecimiento de capacidades a nivel nacional, la OIM está elaborando un programa para acompañar al Gobierno de Jamaica en sus desafíos migratorios, mejorando sus capacidades de gestión de la migración y reforzando su infraestructura técnica mediante la modernización. Los dos componentes principales del proyecto son la mejora de los sistemas de gestión de fronteras y el fortalecimiento institucional.\n\nLa estrategia de la OIM para aplicar los cambios propuestos consiste en un enfoque integral y holístico que atienda las carencias tecnológicas y de conocimientos, así como las carencias políticas y legislativas, para que el Gobierno de Jamaica pueda hacer frente eficazmente a sus crecientes desafíos migratorios.",
        "Axé sur la coopération technique et le renforcement des capacités au niveau national, l'OIM élabore un programme pour accompagner le Gouvernement de la Jamaïque face à ses défis migratoires, en renforçant ses capacités de gestion des migrations et son infrastructure technique par la modernisation. Les deux principaux volets du projet sont l'amélioration des systèmes de gestion des frontières et le renforcement institutionnel.\n\nPour mettre en œuvre les changements proposés, l'OIM suit une approche globale et intégrée qui comble les lacunes technologiques et de connaissances ainsi que les lacunes politiques et législatives, afin que le Gouvernement de la Jamaïque puisse faire face efficacement à ses défis migratoires croissants.",
    ),
    "The second phase of the project will consolidate the results and groundwork in phase one and move forward to take concrete actions to address the problem. As such, phase two of the project has a four-pronged approach.\n\nThese four areas of activity aim to strengthen national capacities to prevent and combat trafficking of women in the Dominican Republic, both internal and international, and promote respect for migrant women's rights. These activities are supported primarily through a grant from the U.S. State Department.": (
        "La segunda fase del proyecto consolidará los resultados y las bases sentadas en la primera y avanzará hacia acciones concretas para abordar el problema. Para ello, la segunda fase del proyecto tiene un enfoque de cuatro ejes.\n\nEstos cuatro ámbitos de actividad buscan fortalecer las capacidades nacionales para prevenir y combatir la trata de mujeres en la República Dominicana, tanto interna como internacional, y promover el respeto de los derechos de las mujeres migrantes. Estas actividades cuentan principalmente con una subvención del Departamento de Estado de los Estados Unidos.",
        "La deuxième phase du projet consolidera les résultats et les bases de la première et passera à des actions concrètes pour s'attaquer au problème. La deuxième phase du projet suit donc une approche en quatre volets.\n\nCes quatre domaines d'activité visent à renforcer les capacités nationales de prévention et de lutte contre la traite des femmes en République dominicaine, interne comme internationale, et à promouvoir le respect des droits des femmes migrantes. Ces activités sont financées principalement par une subvention du Département d'État des États-Unis.",
    ),
    # Programmes: estimate notes
    "The editors' reading: the overview names the areas and the programmes, but not which programme serves which area.": (
        "Lectura de los editores: la reseña nombra las áreas y los programas, pero no qué programa corresponde a qué área.",
        "Lecture des éditeurs : l'aperçu nomme les domaines et les programmes, mais pas quel programme relève de quel domaine.",
    ),
    "Read from the programme's title; no source states its coverage.": (
        "Deducido del título del programa; ninguna fuente indica su cobertura.",
        "Déduit du titre du programme ; aucune source n'en indique la couverture.",
    ),
    "The overview (October 2002) lists it among the “examples of programs carried out by IOM in the Caribbean up to 2002”; it does not say whether it had ended.": (
        "La reseña (octubre de 2002) lo incluye entre los «ejemplos de programas ejecutados por la OIM en el Caribe hasta 2002»; no dice si había terminado.",
        "L'aperçu (octobre 2002) le cite parmi les « exemples de programmes menés par l'OIM dans les Caraïbes jusqu'en 2002 » ; il ne dit pas s'il était terminé.",
    ),
    "The overview says that initial discussions on the project and its design started in 2001; when its activities began is not given.": (
        "La reseña dice que las conversaciones iniciales sobre el proyecto y su diseño comenzaron en 2001; no indica cuándo empezaron sus actividades.",
        "L'aperçu indique que les premières discussions sur le projet et sa conception ont commencé en 2001 ; il ne dit pas quand ses activités ont débuté.",
    ),
    "The overview (October 2002) puts phase two after phase one, which ended in August 2002, and says a grant supports its activities; it gives no start date.": (
        "La reseña (octubre de 2002) sitúa la segunda fase después de la primera, que terminó en agosto de 2002, y dice que una subvención apoya sus actividades; no da fecha de inicio.",
        "L'aperçu (octobre 2002) place la deuxième phase après la première, terminée en août 2002, et indique qu'une subvention finance ses activités ; il ne donne pas de date de début.",
    ),
}
TEXTS |= {
    # Components
    "Formal information campaign (TV, radio and press)": (
        "Campaña de información formal (televisión, radio y prensa)",
        "Campagne d'information formelle (télévision, radio et presse)",
    ),
    "Public information and education activities that addressed trafficking both internally and abroad.": (
        "Actividades de información pública y educación que abordaron la trata tanto interna como hacia el exterior.",
        "Activités d'information du public et d'éducation portant sur la traite à l'intérieur du pays comme à l'étranger.",
    ),
    "Legislation": ("Legislación", "Législation"),
    "Reintegration of victims": ("Reintegración de las víctimas", "Réintégration des victimes"),
    "Education": ("Educación", "Éducation"),
    "Information exchange": ("Intercambio de información", "Échange d'informations"),
    "Baseline assessment": ("Evaluación de base", "Évaluation de référence"),
    "The first step will be to conduct a baseline assessment focusing on migrant populations in the Bahamas, Barbados, the Dominican Republic, Jamaica, and Trinidad and Tobago, that are at risk of acquiring HIV/AIDS. Both existing data and data obtained from a survey among mobile populations in each country will be compiled and analysed.\n\nAfter completion of the baseline assessment, it is hoped a better understanding of the following issues will be obtained:\n- The characteristics and dynamics of population movements within the region\n- Factors that promote vulnerability and resilience to HIV in order to understand risk and health seeking behaviours.\n- The level of knowledge and awareness with regard to sexually transmitted infections and HIV/AIDs among mobile populations, including tourists\n- Migration policies and health policies in the areas of origin and destination.\n\nThis information will then be used to determine the detail of potential intervention strategies.": (
        "El primer paso será realizar una evaluación de base centrada en las poblaciones migrantes de las Bahamas, Barbados, la República Dominicana, Jamaica y Trinidad y Tobago que corren el riesgo de contraer el VIH/sida. Se recopilarán y analizarán tanto los datos existentes como los obtenidos mediante una encuesta entre las poblaciones móviles de cada país.\n\nUna vez concluida la evaluación de base, se espera comprender mejor las siguientes cuestiones:\n- Las características y la dinámica de los movimientos de población dentro de la región\n- Los factores que favorecen la vulnerabilidad y la resiliencia ante el VIH, para comprender los comportamientos de riesgo y de búsqueda de atención de salud.\n- El nivel de conocimiento y de sensibilización sobre las infecciones de transmisión sexual y el VIH/sida entre las poblaciones móviles, incluidos los turistas\n- Las políticas migratorias y de salud en las zonas de origen y de destino.\n\nEsta información servirá luego para definir en detalle las posibles estrategias de intervención.",
        "La première étape consistera à réaliser une évaluation de référence portant sur les populations migrantes des Bahamas, de la Barbade, de la République dominicaine, de la Jamaïque et de Trinité-et-Tobago exposées au risque de contracter le VIH/sida. Les données existantes et celles d'une enquête menée auprès des populations mobiles de chaque pays seront rassemblées et analysées.\n\nAu terme de l'évaluation de référence, on espère mieux comprendre les questions suivantes :\n- Les caractéristiques et la dynamique des mouvements de population dans la région\n- Les facteurs de vulnérabilité et de résilience face au VIH, afin de comprendre les comportements à risque et de recours aux soins.\n- Le niveau de connaissance et de sensibilisation concernant les infections sexuellement transmissibles et le VIH/sida parmi les populations mobiles, y compris les touristes\n- Les politiques migratoires et de santé dans les zones d'origine et de destination.\n\nCes informations serviront ensuite à définir en détail les stratégies d'intervention possibles.",
    ),
    "National survey of the Haitian population living in the Dominican Republic": (
        "Encuesta nacional sobre la población haitiana residente en la República Dominicana",
        "Enquête nationale sur la population haïtienne vivant en République dominicaine",
    ),
    "Supported by contributions from the Governments of the Dominican Republic and the United States, IOM is distributing a national survey to assemble information on the Haitian population living in the Dominican Republic. Data gathered will serve as a sound base for a regularization program and other policy actions related to migration and labor markets. Additionally, it will strengthen civil society institutions and provide information and training to civil society leaders and Haitian migrants in order to enhance their commitment to the promotion of migrant rights and the fight against discrimination and racial prejudice.\n\nThe preparation and implementation of the survey will produce quantitative data and a qualitative analysis on Haitian illegal residents in the country, including demographic information, geographic distribution, sectors of economic activity, educational and labor background, time of residence, children born in the country, access to health and education services, etc. The survey will be designed and implemented in cooperation with FLACSO, several Haitian-focused NGOs and a U.S. academic expert from Trinity College. This joint effort will contribute to the development of a culturally appropriate questionnaire. It will also identify geographic distribution points, which will cover up to 4,000 Haitian households. Information obtained from the questionnaire will be compiled within a database and analyzed in a final report presenting the first comprehensive picture of the Haitian population living in the Dominican Republic.": (
        "Con contribuciones de los Gobiernos de la República Dominicana y de los Estados Unidos, la OIM está realizando una encuesta nacional para reunir información sobre la población haitiana residente en la República Dominicana. Los datos recopilados servirán de base sólida para un programa de regularización y otras medidas de política relacionadas con la migración y los mercados laborales. Además, la encuesta fortalecerá las instituciones de la sociedad civil y brindará información y capacitación a líderes de la sociedad civil y a migrantes haitianos para reforzar su compromiso con la promoción de los derechos de los migrantes y la lucha contra la discriminación y los prejuicios raciales.\n\nLa preparación y realización de la encuesta producirán datos cuantitativos y un análisis cualitativo sobre los residentes haitianos en situación irregular en el país, con información demográfica, distribución geográfica, sectores de actividad económica, formación educativa y experiencia laboral, tiempo de residencia, hijos nacidos en el país, acceso a los servicios de salud y educación, etc. La encuesta se diseñará y realizará en cooperación con la FLACSO, varias ONG dedicadas a la población haitiana y un experto académico estadounidense del Trinity College. Este esfuerzo conjunto contribuirá a elaborar un cuestionario culturalmente adecuado. También permitirá identificar puntos de distribución geográfica, que abarcarán hasta 4.000 hogares haitianos. La información obtenida con el cuestionario se reunirá en una base de datos y se analizará en un informe final que presentará el primer panorama completo de la población haitiana residente en la República Dominicana.",
        "Grâce aux contributions des Gouvernements de la République dominicaine et des États-Unis, l'OIM mène une enquête nationale pour réunir des informations sur la population haïtienne vivant en République dominicaine. Les données recueillies serviront de base solide à un programme de régularisation et à d'autres mesures relatives aux migrations et aux marchés du travail. L'enquête renforcera en outre les institutions de la société civile et apportera informations et formation aux dirigeants de la société civile et aux migrants haïtiens, afin de renforcer leur engagement en faveur des droits des migrants et de la lutte contre la discrimination et les préjugés raciaux.\n\nLa préparation et la réalisation de l'enquête produiront des données quantitatives et une analyse qualitative sur les résidents haïtiens en situation irrégulière dans le pays : informations démographiques, répartition géographique, secteurs d'activité économique, formation et parcours professionnel, durée de résidence, enfants nés dans le pays, accès aux services de santé et d'éducation, etc. L'enquête sera conçue et menée en coopération avec la FLACSO, plusieurs ONG consacrées à la population haïtienne et un expert universitaire américain du Trinity College. Cet effort conjoint contribuera à l'élaboration d'un questionnaire culturellement adapté. Il permettra aussi de déterminer des points de répartition géographique, qui couvriront jusqu'à 4 000 ménages haïtiens. Les informations issues du questionnaire seront rassemblées dans une base de données et analysées dans un rapport final présentant le premier tableau complet de la population haïtienne vivant en République dominicaine.",
    ),
    "Improvement of border management systems": (
        "Mejora de los sistemas de gestión de fronteras",
        "Amélioration des systèmes de gestion des frontières",
    ),
    "Improvement of border management systems through the provision of appropriate and necessary technical inputs in the main Jamaican air and seaports, as well as through a targeted training program for technical and end-user staff.": (
        "Mejora de los sistemas de gestión de fronteras mediante el suministro de los insumos técnicos adecuados y necesarios en los principales aeropuertos y puertos marítimos de Jamaica, así como mediante un programa de capacitación específico para el personal técnico y los usuarios finales.",
        "Amélioration des systèmes de gestion des frontières par la fourniture des moyens techniques adéquats et nécessaires dans les principaux aéroports et ports maritimes de la Jamaïque, ainsi que par un programme de formation ciblé pour le personnel technique et les utilisateurs finaux.",
    ),
    "Intervention strategies for HIV prevention and access to health care": (
        "Estrategias de intervención para la prevención del VIH y el acceso a la atención de salud",
        "Stratégies d'intervention pour la prévention du VIH et l'accès aux soins de santé",
    ),
    "In the second phase of the project suitable intervention strategies, as determined by the research, will be delineated to prevent further spread of HIV/AIDS among mobile populations in the Caribbean. IOM will develop and test a replicable model of intervention for HIV prevention and access to health care specifically targeted at the migrant populations in one of the selected countries by means of a general education program and group counselling services, in addition to individual counselling.": (
        "En la segunda fase del proyecto se definirán, según los resultados de la investigación, estrategias de intervención adecuadas para evitar una mayor propagación del VIH/sida entre las poblaciones móviles del Caribe. La OIM elaborará y pondrá a prueba un modelo de intervención replicable para la prevención del VIH y el acceso a la atención de salud, dirigido específicamente a las poblaciones migrantes de uno de los países seleccionados, mediante un programa de educación general y servicios de asesoramiento en grupo, además del asesoramiento individual.",
        "Lors de la deuxième phase du projet, des stratégies d'intervention adaptées, définies d'après la recherche, seront élaborées pour empêcher la propagation du VIH/sida parmi les populations mobiles des Caraïbes. L'OIM concevra et testera un modèle d'intervention reproductible pour la prévention du VIH et l'accès aux soins de santé, destiné spécifiquement aux populations migrantes de l'un des pays retenus, au moyen d'un programme d'éducation générale et de services de conseil en groupe, en plus du conseil individuel.",
    ),
    "Sensitisation, education and political support for migrants rights": (
        "Sensibilización, educación y apoyo político a los derechos de los migrantes",
        "Sensibilisation, éducation et soutien politique aux droits des migrants",
    ),
    "The Canadian Government has extended funds for a series of interconnected activities to pursue sensitisation, education and political support for migrants rights at different levels of society in the Dominican Republic. IOM will combine different approaches, including public information campaigns, educational events, lobbying and advocacy activities targeted at specific audiences. Using formal and informal tools, the program will focus efforts on government institutions at the central and local levels, community leaders, decision makers, media, and the population at large.\n\nEducation and sensitisation will be centered on the dissemination of international agreements on migrant rights and information pertaining to racial prejudices and discrimination. Special attention will be paid to gender sensitive situations and women's rights. The project will also link issues of migrants' rights and the combat against discrimination and racial prejudice with ongoing activities to promote citizens' participation in civil society.": (
        "El Gobierno de Canadá ha aportado fondos para una serie de actividades interrelacionadas de sensibilización, educación y apoyo político a los derechos de los migrantes en distintos niveles de la sociedad de la República Dominicana. La OIM combinará diferentes enfoques, entre ellos campañas de información pública, actos educativos y actividades de cabildeo y promoción dirigidas a públicos específicos. Con herramientas formales e informales, el programa centrará sus esfuerzos en las instituciones gubernamentales de nivel central y local, los líderes comunitarios, los responsables de la toma de decisiones, los medios de comunicación y la población en general.\n\nLa educación y la sensibilización se centrarán en la difusión de los acuerdos internacionales sobre los derechos de los migrantes y de información sobre los prejuicios raciales y la discriminación. Se prestará especial atención a las situaciones que requieren un enfoque de género y a los derechos de las mujeres. El proyecto también vinculará los derechos de los migrantes y la lucha contra la discriminación y los prejuicios raciales con las actividades en curso para promover la participación ciudadana en la sociedad civil.",
        "Le Gouvernement du Canada a financé une série d'activités liées entre elles de sensibilisation, d'éducation et de soutien politique aux droits des migrants à différents niveaux de la société en République dominicaine. L'OIM combinera différentes approches, dont des campagnes d'information du public, des manifestations éducatives et des activités de lobbying et de plaidoyer destinées à des publics précis. Avec des outils formels et informels, le programme concentrera ses efforts sur les institutions gouvernementales aux niveaux central et local, les dirigeants communautaires, les décideurs, les médias et la population en général.\n\nL'éducation et la sensibilisation porteront sur la diffusion des accords internationaux relatifs aux droits des migrants et d'informations sur les préjugés raciaux et la discrimination. Une attention particulière sera accordée aux situations sensibles au genre et aux droits des femmes. Le projet reliera aussi les droits des migrants et la lutte contre la discrimination et les préjugés raciaux aux activités en cours de promotion de la participation citoyenne à la société civile.",
    ),
    "Institutional strengthening": ("Fortalecimiento institucional", "Renforcement institutionnel"),
    "Institutional strengthening through technical cooperation assistance in policy matters, legislation and regulations, coupled with specific training in various areas, including:\n1) risk profiling for combating smuggling and trafficking,\n2) documentation fraud prevention,\n3) improving criminal intelligence capability related to migration management, and\n4) improving responses to transnational organized crime.": (
        "Fortalecimiento institucional mediante asistencia de cooperación técnica en materia de políticas, legislación y reglamentación, junto con capacitación específica en diversos ámbitos, entre ellos:\n1) elaboración de perfiles de riesgo para combatir el tráfico ilícito de migrantes y la trata de personas,\n2) prevención del fraude documental,\n3) mejora de la capacidad de inteligencia criminal relacionada con la gestión de la migración, y\n4) mejora de las respuestas a la delincuencia organizada transnacional.",
        "Renforcement institutionnel par une assistance de coopération technique en matière de politiques, de législation et de réglementation, assortie de formations spécifiques dans divers domaines, dont :\n1) le profilage des risques pour lutter contre le trafic illicite de migrants et la traite des personnes,\n2) la prévention de la fraude documentaire,\n3) l'amélioration des capacités de renseignement criminel liées à la gestion des migrations, et\n4) l'amélioration des réponses à la criminalité organisée transnationale.",
    ),
    # Results and their indicators
    "Helped prepare the way for the counter-trafficking meeting planned for the Caribbean later in 2001.": (
        "Contribuyó a preparar la reunión sobre la lucha contra la trata prevista para el Caribe más adelante en 2001.",
        "A contribué à préparer la réunion sur la lutte contre la traite prévue pour les Caraïbes plus tard en 2001.",
    ),
    "increased public awareness": ("mayor sensibilización del público", "une meilleure sensibilisation du public"),
    "Helped prepare the way for concrete projects in key areas such as academic training for migration officials, counter-trafficking projects throughout the region and a pilot project for better remittance management (Haiti, Dominican Republic and Jamaica).": (
        "Contribuyó a preparar proyectos concretos en ámbitos clave como la formación académica de funcionarios de migración, proyectos de lucha contra la trata en toda la región y un proyecto piloto para una mejor gestión de las remesas (Haití, República Dominicana y Jamaica).",
        "A contribué à préparer des projets concrets dans des domaines clés tels que la formation universitaire des agents des migrations, des projets de lutte contre la traite dans toute la région et un projet pilote pour une meilleure gestion des envois de fonds (Haïti, République dominicaine et Jamaïque).",
    ),
    "enhanced interest and willingness from governmental institutions to face the issue of trafficking and the traffickers": (
        "mayor interés y voluntad de las instituciones gubernamentales para hacer frente a la trata y a los tratantes",
        "un intérêt et une volonté accrus des institutions gouvernementales de s'attaquer à la traite et aux trafiquants",
    ),
    "the strengthening of an inter-institutional structure that has identified trafficking as a primary focus": (
        "el fortalecimiento de una estructura interinstitucional que ha hecho de la trata una prioridad",
        "le renforcement d'une structure interinstitutionnelle qui a fait de la traite une priorité",
    ),
    "Achieved during phase one.": ("Logrado durante la primera fase.", "Atteint pendant la première phase."),
    # Key figures
    "Dominican women trafficked abroad over the past fifteen years (IOM estimate)": (
        "mujeres dominicanas víctimas de trata hacia el exterior en los últimos quince años (estimación de la OIM)",
        "Dominicaines victimes de la traite à l'étranger au cours des quinze dernières années (estimation de l'OIM)",
    ),
    "some": ("unas", "quelque"),
    "age in years of the Caribbean citizens for whom HIV/AIDS is the leading cause of death": (
        "edad en años de los ciudadanos caribeños para quienes el VIH/sida es la principal causa de muerte",
        "âge en années des citoyens caribéens pour lesquels le VIH/sida est la première cause de décès",
    ),
    "Haitian households the national survey covers": (
        "hogares haitianos que abarca la encuesta nacional",
        "ménages haïtiens couverts par l'enquête nationale",
    ),
    "up to": ("hasta", "jusqu'à"),
    "age in years of the majority of the women trafficked": (
        "edad en años de la mayoría de las mujeres víctimas de trata",
        "âge en années de la majorité des femmes victimes de la traite",
    ),
    "rank of the Caribbean among the world's regions by HIV prevalence (second highest)": (
        "lugar del Caribe entre las regiones del mundo por prevalencia del VIH (la segunda más alta)",
        "rang des Caraïbes parmi les régions du monde par prévalence du VIH (la deuxième plus élevée)",
    ),
    # Publication
    "Trafficking of Women from the Dominican Republic for Sexual Exploitation Purposes": (
        "Trata de mujeres desde la República Dominicana con fines de explotación sexual",
        "La traite des femmes de la République dominicaine à des fins d'exploitation sexuelle",
    ),
    "A study published by IOM as baseline information and disseminated throughout the country.": (
        "Un estudio publicado por la OIM como información de base y difundido en todo el país.",
        "Une étude publiée par l'OIM comme information de référence et diffusée dans tout le pays.",
    ),
    # Related activities
    "The regional meeting in Santo Domingo, Dominican Republic in November 2000": (
        "La reunión regional celebrada en Santo Domingo, República Dominicana, en noviembre de 2000",
        "La réunion régionale tenue à Saint-Domingue, en République dominicaine, en novembre 2000",
    ),
    "The counter-trafficking meeting planned for the Caribbean later in 2001": (
        "La reunión sobre la lucha contra la trata prevista para el Caribe más adelante en 2001",
        "La réunion sur la lutte contre la traite prévue pour les Caraïbes plus tard en 2001",
    ),
    "Concrete projects in key areas such as academic training for migration officials, counter-trafficking projects throughout the region and a pilot project for better remittance management (Haiti, Dominican Republic and Jamaica)": (
        "Proyectos concretos en ámbitos clave como la formación académica de funcionarios de migración, proyectos de lucha contra la trata en toda la región y un proyecto piloto para una mejor gestión de las remesas (Haití, República Dominicana y Jamaica)",
        "Des projets concrets dans des domaines clés tels que la formation universitaire des agents des migrations, des projets de lutte contre la traite dans toute la région et un projet pilote pour une meilleure gestion des envois de fonds (Haïti, République dominicaine et Jamaïque)",
    ),
    # The overview
    "This support was focused on four core areas:": (
        "Este apoyo se centró en cuatro áreas principales:",
        "Ce soutien s'est concentré sur quatre domaines essentiels :",
    ),
    "Examples of Current IOM Projects in the Caribbean Region": (
        "Ejemplos de proyectos actuales de la OIM en la región del Caribe",
        "Exemples de projets actuels de l'OIM dans la région des Caraïbes",
    ),
    "As the leading inter-governmental organization dealing with migration issues, IOM provides expertise in migration health, migrants rights, migration management, and knowledge on migration dynamics throughout the world. Over the last 10 years, IOM has focused its cooperation in the Caribbean on activities to support the diverse migration and development efforts of States.": (
        "Como principal organización intergubernamental en el ámbito de la migración, la OIM aporta conocimientos especializados sobre migración y salud, derechos de los migrantes, gestión de la migración y dinámicas migratorias en todo el mundo. En los últimos 10 años, la OIM ha centrado su cooperación en el Caribe en actividades de apoyo a los diversos esfuerzos de los Estados en materia de migración y desarrollo.",
        "Principale organisation intergouvernementale dans le domaine des migrations, l'OIM apporte son expertise en matière de migration et santé, de droits des migrants, de gestion des migrations et de connaissance des dynamiques migratoires dans le monde entier. Au cours des 10 dernières années, l'OIM a axé sa coopération dans les Caraïbes sur des activités d'appui aux divers efforts des États en matière de migration et de développement.",
    ),
    "Building on the outcomes of policy and program discussions in late 2002, IOM will continue its efforts to meet the migration challenges of governments and migrants in the Caribbean region. As example, discussions are underway with the Government of Jamaica and the U.S. Government to strengthen policies and practices in migration management through targeted program activities:": (
        "Sobre la base de los resultados de los debates sobre políticas y programas de finales de 2002, la OIM seguirá esforzándose por responder a los desafíos migratorios de los gobiernos y de los migrantes en la región del Caribe. Por ejemplo, hay conversaciones en curso con el Gobierno de Jamaica y el Gobierno de los Estados Unidos para fortalecer las políticas y prácticas de gestión de la migración mediante actividades programáticas específicas:",
        "Forte des résultats des discussions sur les politiques et les programmes de la fin de 2002, l'OIM poursuivra ses efforts pour relever les défis migratoires des gouvernements et des migrants dans la région des Caraïbes. Ainsi, des discussions sont en cours avec le Gouvernement de la Jamaïque et le Gouvernement des États-Unis pour renforcer les politiques et pratiques de gestion des migrations par des activités programmatiques ciblées :",
    ),
    "As an intergovernmental institution, IOM works closely with the Caribbean governments, at their request for cooperation. IOM also works with agencies of the United Nations System, particularly with those closely related to IOM's mandate such as UNHCR, UNFPA, UNDP and ILO. In matters regarding migrants' health, IOM has signed cooperation agreements with WHO/PAHO and UNAIDS which are translated into joint actions. IOM's activities in the Caribbean receive support from the Canadian Government, the United States Government, the European Union, and other bilateral sources.": (
        "Como institución intergubernamental, la OIM colabora estrechamente con los gobiernos del Caribe, a petición de estos. La OIM también trabaja con organismos del sistema de las Naciones Unidas, en particular con los más vinculados a su mandato, como el ACNUR, el UNFPA, el PNUD y la OIT. En materia de salud de los migrantes, la OIM ha firmado acuerdos de cooperación con la OMS/OPS y el ONUSIDA que se traducen en acciones conjuntas. Las actividades de la OIM en el Caribe reciben el apoyo del Gobierno de Canadá, el Gobierno de los Estados Unidos, la Unión Europea y otras fuentes bilaterales.",
        "En tant qu'institution intergouvernementale, l'OIM travaille en étroite collaboration avec les gouvernements des Caraïbes, à leur demande. L'OIM travaille aussi avec les organismes du système des Nations Unies, en particulier ceux dont le mandat est proche du sien, comme le HCR, l'UNFPA, le PNUD et l'OIT. En matière de santé des migrants, l'OIM a signé avec l'OMS/OPS et l'ONUSIDA des accords de coopération qui se traduisent par des actions conjointes. Les activités de l'OIM dans les Caraïbes bénéficient du soutien du Gouvernement du Canada, du Gouvernement des États-Unis, de l'Union européenne et d'autres sources bilatérales.",
    ),
    "A key tool for achieving sustainable results in these areas is technical cooperation and capacity building at the national level, so that governments can enhance their migration management capabilities, reinforce their own structures or create new ones as needed, and modernize existing legislation. In this way, relevant institutions and skilled personnel can play a role in facilitating the free and orderly movement of Caribbean nationals, as highlighted in CARICOM agreements.": (
        "Una herramienta clave para lograr resultados sostenibles en estos ámbitos es la cooperación técnica y el fortalecimiento de capacidades a nivel nacional, para que los gobiernos puedan mejorar sus capacidades de gestión de la migración, reforzar sus propias estructuras o crear otras nuevas según sea necesario, y modernizar la legislación vigente. Así, las instituciones pertinentes y el personal calificado pueden contribuir a facilitar la circulación libre y ordenada de los nacionales caribeños, como destacan los acuerdos de la CARICOM.",
        "Un outil essentiel pour obtenir des résultats durables dans ces domaines est la coopération technique et le renforcement des capacités au niveau national, afin que les gouvernements puissent améliorer leurs capacités de gestion des migrations, renforcer leurs propres structures ou en créer de nouvelles au besoin, et moderniser la législation existante. Les institutions concernées et un personnel qualifié peuvent ainsi contribuer à faciliter la circulation libre et ordonnée des ressortissants caribéens, comme le soulignent les accords de la CARICOM.",
    ),
    "Priority Strategies for 2003": ("Estrategias prioritarias para 2003", "Stratégies prioritaires pour 2003"),
    "Taking into account recent exchanges with Governments and partners in the Caribbean, IOM will concentrate its activities in three priority areas throughout 2002 and 2003:": (
        "Teniendo en cuenta los intercambios recientes con los gobiernos y los asociados del Caribe, la OIM concentrará sus actividades en tres áreas prioritarias durante 2002 y 2003:",
        "Compte tenu des échanges récents avec les gouvernements et les partenaires des Caraïbes, l'OIM concentrera ses activités sur trois domaines prioritaires en 2002 et 2003 :",
    ),
    "In keeping with these core service areas, the following are examples of programs carried out by IOM in the Caribbean up to 2002:": (
        "De acuerdo con estas áreas principales de servicio, estos son ejemplos de programas ejecutados por la OIM en el Caribe hasta 2002:",
        "Conformément à ces domaines de service essentiels, voici des exemples de programmes menés par l'OIM dans les Caraïbes jusqu'en 2002 :",
    ),
    "Migration will be one of the major policy concerns of the 21st century. In our shrinking world, more and more people will look to migration—temporary or permanent—as a path to employment, education, freedom or other opportunities.": (
        "La migración será una de las principales preocupaciones políticas del siglo XXI. En nuestro mundo cada vez más pequeño, cada vez más personas verán en la migración, temporal o permanente, un camino hacia el empleo, la educación, la libertad u otras oportunidades.",
        "La migration sera l'une des grandes préoccupations politiques du XXIe siècle. Dans notre monde qui rétrécit, de plus en plus de personnes verront dans la migration, temporaire ou permanente, une voie vers l'emploi, l'éducation, la liberté ou d'autres possibilités.",
    ),
    "Brunson McKinley": ("Brunson McKinley", "Brunson McKinley"),
    "IOM Director General": ("Director General de la OIM", "Directeur général de l'OIM"),
    "other bilateral sources": ("otras fuentes bilaterales", "d'autres sources bilatérales"),
    "IOM in the Caribbean": ("La OIM en el Caribe", "L'OIM dans les Caraïbes"),
    "Counter-trafficking: A Strategy for the Dominican Republic": (
        "Lucha contra la trata de personas: una estrategia para la República Dominicana",
        "Lutte contre la traite des personnes : une stratégie pour la République dominicaine",
    ),
}


def translated_fields(model) -> list[str]:
    return [field.name.removesuffix("_en") for field in model._meta.fields if field.name.endswith("_en")]


def translate(apps, app_label: str, model_names, texts) -> None:
    """Give each record of the models the translations of its English texts; note where they come from."""
    content_types = apps.get_model("contenttypes", "ContentType")
    source = apps.get_model("programmes", "TranslationSource")
    for model_name in model_names:
        model = apps.get_model(app_label, model_name)
        content_type, _ = content_types.objects.get_or_create(app_label=app_label, model=model_name)
        fields = translated_fields(model)
        for record in model.objects.all():
            done = set()
            for field in fields:
                pair = texts.get(getattr(record, f"{field}_en") or "")
                for language, text in zip(OTHER_LANGUAGES, pair or ()):
                    if not getattr(record, f"{field}_{language}"):
                        limit = model._meta.get_field(f"{field}_{language}").max_length
                        if limit and len(text) > limit:  # PostgreSQL would refuse it; SQLite would not
                            raise ValueError(f"{model_name}.{field}_{language} holds {limit} characters: {text!r}")
                        setattr(record, f"{field}_{language}", text)
                        done.add(language)
            if done:
                record.save(update_fields=[f"{field}_{language}" for field in fields for language in OTHER_LANGUAGES])
                for language in sorted(done):
                    source.objects.get_or_create(
                        content_type=content_type, object_id=record.pk, language=language, defaults={"note": NOTE}
                    )


def untranslate(apps, app_label: str, model_names, texts) -> None:
    """Clear the translations ``translate`` wrote (where staff have not changed them) and their notes."""
    content_types = apps.get_model("contenttypes", "ContentType")
    source = apps.get_model("programmes", "TranslationSource")
    for model_name in model_names:
        model = apps.get_model(app_label, model_name)
        fields = translated_fields(model)
        for record in model.objects.all():
            for field in fields:
                pair = texts.get(getattr(record, f"{field}_en") or "")
                for language, text in zip(OTHER_LANGUAGES, pair or ()):
                    if getattr(record, f"{field}_{language}") == text:
                        empty = None if model._meta.get_field(f"{field}_{language}").null else ""
                        setattr(record, f"{field}_{language}", empty)
            record.save()
        source.objects.filter(
            content_type__in=content_types.objects.filter(app_label=app_label, model=model_name), note=NOTE
        ).delete()


def name_countries(apps, schema_editor) -> None:
    for country in apps.get_model("programmes", "Country").objects.all():
        for language in OTHER_LANGUAGES:
            if not getattr(country, f"name_{language}"):
                setattr(country, f"name_{language}", country_name(country.code, language))
        country.save()


def unname_countries(apps, schema_editor) -> None:
    for country in apps.get_model("programmes", "Country").objects.all():
        for language in OTHER_LANGUAGES:
            if getattr(country, f"name_{language}") == country_name(country.code, language):
                setattr(country, f"name_{language}", None)
        country.save()


def forwards(apps, schema_editor) -> None:
    name_countries(apps, schema_editor)
    translate(apps, "programmes", MODELS, TEXTS)


def backwards(apps, schema_editor) -> None:
    untranslate(apps, "programmes", MODELS, TEXTS)
    unname_countries(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("programmes", "0020_translation_sources"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
