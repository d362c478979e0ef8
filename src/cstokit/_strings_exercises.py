"""Every sentence the exercises say (questions, feedback, controls), in English and French.

Same shape as ``cstokit._text.STRINGS`` (key -> {"en": ..., "fr": ...}) and merged into it,
so ``t(key, **values)`` reads them in the language of the figures. Facts come from data/
as values (``{name}``, ``{note}``...); only the wording around them lives here.
"""

from __future__ import annotations

EXERCISE_STRINGS: dict[str, dict[str, str]] = {
    # -- shared by every exercise ---------------------------------------------------------
    "exercise.status.correct": {"en": "Correct", "fr": "Juste"},
    "exercise.status.partly": {"en": "Partly right", "fr": "En partie juste"},
    "exercise.status.wrong": {"en": "Not yet right", "fr": "Pas encore juste"},
    "exercise.status.unanswered": {"en": "Not answered yet", "fr": "Pas encore de réponse"},
    # French sets a space before a colon.
    "exercise.colon": {"en": ": ", "fr": " : "},
    "exercise.word": {"en": "Exercise", "fr": "Exercice"},
    "exercise.sources": {"en": "Sources:", "fr": "Sources :"},
    "exercise.choices": {"en": "Choices: {choices}", "fr": "Choix : {choices}"},
    "exercise.verdicts": {"en": "Verdicts: {verdicts}", "fr": "Verdicts : {verdicts}"},
    "exercise.how_to_answer": {
        "en": 'In code: cstokit.check("{exercise_id}", answer), where answer is {example}.',
        "fr": 'En code : cstokit.check("{exercise_id}", answer), où answer est {example}.',
    },
    "exercise.unanswered": {
        "en": "replace ... with your answer ({example}) and run the cell again, or use the "
        "controls of cstokit.exercise.",
        "fr": "remplacez ... par votre réponse ({example}) et exécutez de nouveau la cellule, ou "
        "utilisez les contrôles de cstokit.exercise.",
    },
    "exercise.wrong_shape": {
        "en": "expected {example}; got a value of type {kind}.",
        "fr": "réponse attendue : {example} ; reçu : une valeur de type {kind}.",
    },
    "exercise.unknown_choices": {
        "en": "{given} is not one of the choices.{hint} Choices: {choices}.",
        "fr": "{given} ne fait pas partie des choix.{hint} Choix : {choices}.",
    },
    "exercise.unknown_shape": {
        "en": "{given} is not one of the choices.{hint} Expected: {example}.",
        "fr": "{given} ne fait pas partie des choix.{hint} Réponse attendue : {example}.",
    },
    "exercise.did_you_mean": {"en": " Did you mean {close}?", "fr": " Vouliez-vous dire {close} ?"},
    "exercise.or": {"en": " or ", "fr": " ou "},
    "exercise.could_not_check": {
        "en": "could not check this answer: {error}",
        "fr": "impossible de vérifier cette réponse : {error}",
    },
    "exercise.treaty_label": {
        "en": "{treaty_id}: {name} ({organisation})",
        "fr": "{treaty_id} : {name} ({organisation})",
    },
    # -- the widget ----------------------------------------------------------------------------
    "exercise.button": {"en": "Check", "fr": "Vérifier"},
    "exercise.choose": {"en": "(choose)", "fr": "(choisir)"},
    "exercise.answer": {"en": "Answer:", "fr": "Réponse :"},
    "exercise.box": {
        "en": "[exercise {exercise_id}: run the cell to use its controls]",
        "fr": "[exercice {exercise_id} : exécutez la cellule pour utiliser ses contrôles]",
    },
    # -- oldest_treaty -------------------------------------------------------------------------
    "exercise.oldest.title": {
        "en": "Which alliance of the kit is the oldest?",
        "fr": "Quelle est la plus ancienne alliance du kit ?",
    },
    "exercise.oldest.question": {
        "en": 'Look at the table of treaties (cstokit.load("treaties")): which of the '
        'collective-defence treaties (kind "alliance", the ids of cstokit.treaty_ids()) was '
        "signed first?",
        "fr": 'Regardez la table des traités (cstokit.load("treaties")) : lequel des traités de '
        "défense collective (kind « alliance », les identifiants de cstokit.treaty_ids()) a été "
        "signé le premier ?",
    },
    "exercise.oldest.example": {
        "en": 'a treaty id from cstokit.treaty_ids(), e.g. "nato"',
        "fr": 'un identifiant de traité de cstokit.treaty_ids(), p. ex. "nato"',
    },
    "exercise.oldest.not_a_treaty": {
        "en": "that is not a treaty of the kit.",
        "fr": "ce n'est pas un traité du kit.",
    },
    "exercise.oldest.signed": {
        "en": "{name} was signed on {date} in {place}.",
        "fr": "{name} : signature le {date} à {place}.",
    },
    "exercise.oldest.correct": {
        "en": "{treaty} is the oldest alliance in the kit.",
        "fr": "la plus ancienne alliance du kit est bien {treaty}.",
    },
    "exercise.oldest.wrong": {
        "en": "{n} alliance treaty(ies) in the kit were signed earlier.",
        "fr": "le kit compte {n} traité(s) d'alliance signé(s) plus tôt.",
    },
    "exercise.oldest.hint": {
        "en": "Sort the table by the 'signed' column: .sort_values(\"signed\").",
        "fr": 'Triez la table selon la colonne « signed » : .sort_values("signed").',
    },
    # -- cst_members_2022, warsaw_members_1970 -------------------------------------------------
    "exercise.members.title": {
        "en": "Parties to {treaty} on {date}",
        "fr": "{treaty} : les États parties au {date}",
    },
    "exercise.members.question": {
        "en": "Which states were parties to {treaty} on {date}? Tick every one (the choices are "
        "all states the kit records with any tie to the treaty).",
        "fr": "{treaty} : quels États y étaient parties le {date} ? Cochez-les tous (les choix "
        "sont tous les États que le kit rattache à ce traité d'une manière ou d'une autre).",
    },
    "exercise.members.example": {
        "en": 'a list of ISO-3 codes or country names (English or French), e.g. ["USA", "Canada"]',
        "fr": "une liste de codes ISO-3 ou de noms de pays (en français ou en anglais), p. ex. "
        '["USA", "Canada"]',
    },
    "exercise.members.party": {
        "en": "{name}: {status} since {since} (last event before that date: {event}, "
        "{event_date}).",
        "fr": "{name} : {status} depuis le {since} (dernier événement avant cette date : {event}, "
        "{event_date}).",
    },
    "exercise.members.not_party": {
        "en": "{name} is not counted among the parties on {date}: status {status} since {since} "
        "({event}, {event_date}). The kit's vocabulary: {meaning}{note}",
        "fr": "{name} : ne figurait pas parmi les États parties le {date} ; statut {status} depuis "
        "le {since} ({event}, {event_date}). Dans le vocabulaire du kit : {meaning}{note}",
    },
    "exercise.members.data_note": {
        "en": " Note in the data: {note}",
        "fr": " Note dans les données : {note}",
    },
    "exercise.members.not_yet": {
        "en": "{name} had no tie to the treaty yet on {date}: its first recorded event is "
        "{event} on {event_date}.",
        "fr": "{name} : encore aucun lien avec le traité le {date} ; premier événement enregistré : "
        "{event}, le {event_date}.",
    },
    "exercise.members.no_tie": {
        "en": "{name}: the kit records no tie to this treaty at all.{hint}",
        "fr": "{name} : le kit n'enregistre aucun lien avec ce traité.{hint}",
    },
    "exercise.members.successor": {
        "en": " Did you mean {meant}? The maps draw it on today's borders of its successor "
        "states, {name} among them.",
        "fr": " Vouliez-vous dire {meant} ? Les cartes dessinent cet État sur les frontières "
        "actuelles de ses États successeurs (parmi eux : {name}).",
    },
    "exercise.members.missing": {
        "en": "{n} more state(s) were parties on {date}. Look at the map: "
        'cstokit.member_map("{treaty_id}", "{iso}").',
        "fr": "Il manque encore {n} État(s) partie(s) au {date}. Regardez la carte : "
        'cstokit.member_map("{treaty_id}", "{iso}").',
    },
    "exercise.members.correct": {
        "en": "all {expected} parties, and no other state.",
        "fr": "les {expected} États parties, et aucun autre État.",
    },
    "exercise.members.partly": {
        "en": "{right} of {expected} parties so far.",
        "fr": "{right} sur {expected} États parties pour l'instant.",
    },
    "exercise.members.partly_extra": {
        "en": "{right} of {expected} parties, and {extra} state(s) that were not parties.",
        "fr": "{right} sur {expected} États parties, et {extra} État(s) non partie(s) à cette date.",
    },
    "exercise.members.wrong": {
        "en": "none of the {expected} parties on {date} in this answer yet.",
        "fr": "aucun des {expected} États parties le {date} ne figure encore dans cette réponse.",
    },
    # -- kaz_contributions_gap -----------------------------------------------------------------
    "exercise.gap.title": {
        "en": "Reading the contributions chart: where do sources disagree most?",
        "fr": "Lire le graphique des contributions : sur quel pays les sources divergent-elles "
        "le plus ?",
    },
    "exercise.gap.question": {
        "en": "In the contributions chart of the {operation}, which contributing country's "
        "personnel figure do the sources disagree on most (the largest gap between the highest "
        "and the lowest figure given for that country)? The stated totals do not count: they "
        "are not one country's figure.",
        "fr": "Dans le graphique des contributions ({operation}), sur l'effectif de quel pays "
        "contributeur les sources divergent-elles le plus (le plus grand écart entre le chiffre "
        "le plus élevé et le plus bas donnés pour ce pays) ? Les totaux annoncés ne comptent pas : "
        "ce ne sont pas les chiffres d'un seul pays.",
    },
    "exercise.gap.example": {
        "en": 'a country\'s ISO-3 code or name, e.g. "KGZ"',
        "fr": 'le code ISO-3 ou le nom d\'un pays, p. ex. "KGZ"',
    },
    "exercise.gap.no_figure": {
        "en": "{name}: the sources give no personnel figure at all, only other details.",
        "fr": "{name} : les sources ne donnent aucun chiffre d'effectifs, seulement d'autres "
        "précisions.",
    },
    "exercise.gap.single": {
        "en": "{name}: only one source gives a figure ({value}, {qualifier}), so there is "
        "nothing to disagree about in the kit's data.",
        "fr": "{name} : une seule source donne un chiffre ({value}, {qualifier}) ; dans les "
        "données du kit, il n'y a donc rien sur quoi diverger.",
    },
    "exercise.gap.agree": {
        "en": "{name}: all {n} figures agree ({value}).",
        "fr": "{name} : les {n} chiffres concordent ({value}).",
    },
    "exercise.gap.range": {
        "en": "{name}: from {low} ({low_source}) to {high} ({high_source}), a gap of {gap}."
        "{counts}",
        "fr": "{name} : de {low} ({low_source}) à {high} ({high_source}), soit un écart de "
        "{gap}.{counts}",
    },
    "exercise.gap.counts": {
        "en": " What the sources say they count: {notes}",
        "fr": " Ce que les sources disent compter : {notes}",
    },
    "exercise.gap.total": {
        "en": "the stated totals are not one country's figure; pick a country.",
        "fr": "les totaux annoncés ne sont pas le chiffre d'un seul pays ; choisissez un pays.",
    },
    "exercise.gap.total_hint": {
        "en": "Compare the marks on each country's row of the chart.",
        "fr": "Comparez les marqueurs sur la ligne de chaque pays du graphique.",
    },
    "exercise.gap.not_in_chart": {
        "en": "that is not one of the countries in the chart.",
        "fr": "ce n'est pas l'un des pays du graphique.",
    },
    "exercise.gap.not_contributor": {
        "en": "{name} did not contribute to this operation in the kit's data.",
        "fr": "d'après les données du kit, aucun contingent n'a été fourni à cette opération par ce "
        "pays ({name}).",
    },
    "exercise.gap.caution": {
        "en": "A gap is not always a contradiction: check the date and what each source counts "
        "(planned force, first echelon, deployed troops).",
        "fr": "Un écart n'est pas toujours une contradiction : vérifiez la date et ce que compte "
        "chaque source (effectif prévu, premier échelon, troupes déployées).",
    },
    "exercise.gap.correct": {
        "en": "the sources disagree most about {name}.",
        "fr": "le pays sur lequel les sources divergent le plus est bien {name}.",
    },
    "exercise.gap.wrong": {
        "en": "another country's figures are further apart.",
        "fr": "les chiffres d'un autre pays sont plus éloignés les uns des autres.",
    },
    "exercise.gap.hint": {
        "en": "For each country, subtract the lowest figure from the highest: the chart's "
        "caption and fig.table() give them.",
        "fr": "Pour chaque pays, soustrayez le chiffre le plus bas du plus élevé : la légende du "
        "graphique et fig.table() les donnent.",
    },
    # -- kaz_factcheck -------------------------------------------------------------------------
    "exercise.factcheck.title": {
        "en": "Fact-check: a press article of 9 January 2022 about the CSTO's deployment",
        "fr": "Vérification des faits : un article de presse du 9 janvier 2022 sur le déploiement "
        "de l'OTSC",
    },
    "exercise.factcheck.question": {
        "en": "Each claim below is quoted exactly from arretsurinfo.ch (9 January 2022), a French translation of an RT article of 7 January 2022; the English is the kit's rendering. Judge each by what could be known on 9 January 2022: does it hold, is it misleading, is it wrong, or can't it be checked with the kit? Add one sentence saying why.",
        "fr": "Chaque affirmation ci-dessous est citée telle quelle d'arretsurinfo.ch (9 janvier 2022), traduction française d'un article de RT du 7 janvier 2022 (le kit ne la traduit pas dans l'édition française). Jugez-la d'après ce que l'on pouvait savoir le 9 janvier 2022 : est-elle fondée, trompeuse, fausse, ou invérifiable avec le kit ? Ajoutez une phrase de justification.",
    },
    "exercise.factcheck.example": {
        "en": "a dict of claim id -> (verdict, one sentence why), e.g. {example}",
        "fr": "un dict identifiant d'affirmation -> (verdict, une phrase de justification), p. ex. {example}",
    },
    "exercise.factcheck.item": {
        # {rendering}: the kit's English rendering in brackets, for English readers only.
        "en": "«{quote}»{rendering}",
        "fr": "« {quote} »{rendering}",
    },
    "exercise.factcheck.verdict.holds": {
        "en": "holds",
        "fr": "fondée",
    },
    "exercise.factcheck.verdict.misleading": {
        "en": "misleading",
        "fr": "trompeuse",
    },
    "exercise.factcheck.verdict.wrong": {
        "en": "wrong",
        "fr": "fausse",
    },
    "exercise.factcheck.verdict.cannot-check": {
        "en": "can't be checked here",
        "fr": "invérifiable ici",
    },
    "exercise.factcheck.unknown_claim": {
        "en": "{given} is not a claim id.{hint} Claim ids: {ids}.",
        "fr": "{given} n'est pas un identifiant d'affirmation.{hint} Identifiants : {ids}.",
    },
    "exercise.factcheck.claim": {
        "en": "Claim {n} ({claim})",
        "fr": "Affirmation {n} ({claim})",
    },
    "exercise.factcheck.open": {
        "en": "{label}: not answered yet.",
        "fr": "{label} : pas encore de réponse.",
    },
    "exercise.factcheck.right": {
        "en": "{label}: {verdict}, as the kit judges it on {day}. {why}",
        "fr": "{label} : {verdict} ; c'est aussi le verdict du kit, d'après ce que l'on savait au "
        "{day}. {why}",
    },
    "exercise.factcheck.differs": {
        "en": "{label}: you said {given}; the kit judges it {verdict} on {day}. {why}",
        "fr": "{label} : vous avez répondu {given} ; d'après ce que l'on savait au {day}, le kit la "
        "juge {verdict}. {why}",
    },
    "exercise.factcheck.justify": {
        "en": '{label}: add one sentence saying why, e.g. ("holds", "because …").',
        "fr": '{label} : ajoutez une phrase qui justifie, p. ex. ("holds", "parce que …").',
    },
    "exercise.factcheck.later": {
        "en": "Learned after {day}, and not held against the article: {text}",
        "fr": "Appris après le {day}, et non reproché à l'article : {text}",
    },
    "exercise.factcheck.quoted": {
        "en": "The article: arretsurinfo.ch, 9 January 2022, translating RT, 7 January 2022.",
        "fr": "L'article : arretsurinfo.ch, 9 janvier 2022, traduisant RT, 7 janvier 2022.",
    },
    "exercise.factcheck.none_yet": {
        "en": "no claim has a verdict yet. {how}",
        "fr": "aucune affirmation n'a encore de verdict. {how}",
    },
    "exercise.factcheck.summary": {
        "en": "{right} of {total} claims judged as the kit judges them.",
        "fr": "{right} affirmation(s) sur {total} jugée(s) comme le kit.",
    },
    "exercise.factcheck.summary_open": {
        "en": "{right} of {total} claims judged as the kit judges them; {open} not answered yet.",
        "fr": "{right} affirmation(s) sur {total} jugée(s) comme le kit ; {open} sans réponse pour l'instant.",
    },
    # -- invoked_after_9_11 --------------------------------------------------------------------
    "exercise.invoked.event.9_11": {
        "en": "the attacks of 11 September 2001",
        "fr": "les attentats du 11 septembre 2001",
    },
    "exercise.invoked.title": {
        "en": "Which clauses were invoked after {about}?",
        "fr": "Quelles clauses ont été invoquées après {about} ?",
    },
    "exercise.invoked.question": {
        "en": "After {about}, the parties of some treaties invoked a collective-defence or "
        "consultation clause between {start} and {end}. Which treaties? Tick all that apply.",
        "fr": "Après {about}, les États parties à certains traités ont invoqué une clause de "
        "défense collective ou de consultation entre le {start} et le {end}. Quels traités ? "
        "Cochez toutes les réponses qui conviennent.",
    },
    "exercise.invoked.example": {
        "en": 'a list of treaty ids from cstokit.treaty_ids(), e.g. ["seato"]',
        "fr": 'une liste d\'identifiants de traités de cstokit.treaty_ids(), p. ex. ["seato"]',
    },
    "exercise.invoked.record": {
        "en": "{treaty}: {n} record(s) from {first}; {date}{article}: {what}",
        "fr": "{treaty} : {n} relevé(s) (premier : {first}) ; {date}{article} : {what}",
    },
    "exercise.invoked.article": {"en": " Art. {article}", "fr": " art. {article}"},
    "exercise.invoked.missing": {
        "en": "{n} more treaty(ies) have invocations recorded in that window. Look at "
        "cstokit.invocations_chart() around that date.",
        "fr": "Il manque encore {n} traité(s) dont une clause a été invoquée dans cette période. "
        "Regardez cstokit.invocations_chart() sur cette période.",
    },
    "exercise.invoked.ended": {
        "en": "{treaty}: it had ended on {ended}.",
        "fr": "{treaty} : le traité avait pris fin le {ended}.",
    },
    "exercise.invoked.not_in_force": {
        "en": "{treaty}: not yet in force (in force from {in_force}).",
        "fr": "{treaty} : pas encore en vigueur (entrée en vigueur le {in_force}).",
    },
    "exercise.invoked.none": {
        "en": "{treaty}: the kit records no invocation between {start} and {end}.",
        "fr": "{treaty} : le kit n'enregistre aucune invocation entre le {start} et le {end}.",
    },
    "exercise.invoked.correct": {
        "en": "all {expected} treaties whose clauses were invoked then.",
        "fr": "les {expected} traités dont les clauses ont alors été invoquées.",
    },
    "exercise.invoked.partly": {
        "en": "{right} of {expected} right so far.",
        "fr": "{right} bonne(s) réponse(s) sur {expected} pour l'instant.",
    },
    "exercise.invoked.partly_extra": {
        "en": "{right} of {expected} right, and {extra} treaty(ies) whose clauses were not "
        "invoked then.",
        "fr": "{right} bonne(s) réponse(s) sur {expected}, et {extra} traité(s) dont les clauses "
        "n'ont pas été invoquées dans cette période.",
    },
    "exercise.invoked.wrong": {
        "en": "none of the treaties invoked in that window yet.",
        "fr": "aucun des traités dont une clause a été invoquée dans cette période ne figure "
        "encore dans cette réponse.",
    },
    # -- the comparison grid and the kinds of clause (02) ----------------------------------
    "exercise.grid.title": {
        "en": "The comparison grid: one row per treaty, from its texts",
        "fr": "La grille de comparaison : une ligne par traité, d'après ses textes",
    },
    "exercise.grid.question": {
        "en": "Fill one row per treaty from the articles the kit holds (cstokit.article(...) prints each wording). Columns: {columns}. The first five read the treaty's collective-defence clause; then say which article is its consultation clause, and how a party leaves. Leave a cell empty if you are not sure yet: it counts as not answered.",
        "fr": "Remplissez une ligne par traité à partir des articles que détient le kit (cstokit.article(...) affiche chaque rédaction). Colonnes : {columns}. Les cinq premières portent sur la clause de défense collective du traité ; indiquez ensuite quel article est sa clause de consultation et comment un État partie s'en retire. Laissez une case vide si vous hésitez : elle compte comme sans réponse.",
    },
    "exercise.grid.example": {
        "en": "a dict of treaty id -> a dict of column -> value, e.g. {example}",
        "fr": "un dict identifiant de traité -> dict colonne -> valeur, p. ex. {example}",
    },
    "exercise.grid.article": {
        "en": "Art. {article}",
        "fr": "art. {article}",
    },
    "exercise.grid.column.trigger": {
        "en": "trigger",
        "fr": "déclencheur",
    },
    "exercise.grid.column.scope": {
        "en": "territorial scope",
        "fr": "champ territorial",
    },
    "exercise.grid.column.automaticity": {
        "en": "how automatic",
        "fr": "degré d'automaticité",
    },
    "exercise.grid.column.means": {
        "en": "means",
        "fr": "moyens",
    },
    "exercise.grid.column.un_reporting": {
        "en": "UN reporting",
        "fr": "rapport au Conseil de sécurité",
    },
    "exercise.grid.column.consultation": {
        "en": "consultation clause",
        "fr": "clause de consultation",
    },
    "exercise.grid.column.withdrawal": {
        "en": "withdrawal terms",
        "fr": "conditions de retrait",
    },
    "exercise.grid.value.armed-attack": {
        "en": "an armed attack",
        "fr": "une agression armée",
    },
    "exercise.grid.value.aggression": {
        "en": "aggression",
        "fr": "une agression",
    },
    "exercise.grid.value.threat": {
        "en": "a threat",
        "fr": "une menace",
    },
    "exercise.grid.value.none": {
        "en": "none",
        "fr": "aucun",
    },
    "exercise.grid.value.territory-of-parties": {
        "en": "the parties' territory",
        "fr": "le territoire des parties",
    },
    "exercise.grid.value.region": {
        "en": "a named region",
        "fr": "une région désignée",
    },
    "exercise.grid.value.treaty-area": {
        "en": "a defined treaty area",
        "fr": "une zone définie par le traité",
    },
    "exercise.grid.value.none-stated": {
        "en": "none stated",
        "fr": "non précisé",
    },
    "exercise.grid.value.obligation-to-assist": {
        "en": "an obligation to assist",
        "fr": "une obligation d'assistance",
    },
    "exercise.grid.value.assist-as-deems-necessary": {
        "en": "assist as each deems necessary",
        "fr": "assistance selon ce que chacun juge nécessaire",
    },
    "exercise.grid.value.constitutional-processes": {
        "en": "act under constitutional processes",
        "fr": "agir selon ses procédures constitutionnelles",
    },
    "exercise.grid.value.consult-only": {
        "en": "consult only",
        "fr": "consultation seulement",
    },
    "exercise.grid.value.not-applicable": {
        "en": "not applicable",
        "fr": "sans objet",
    },
    "exercise.grid.value.military-included": {
        "en": "military force named",
        "fr": "force armée mentionnée",
    },
    "exercise.grid.value.any-means": {
        "en": "all the means in their power",
        "fr": "tous les moyens en leur pouvoir",
    },
    "exercise.grid.value.unspecified": {
        "en": "not specified",
        "fr": "non précisés",
    },
    "exercise.grid.value.yes": {
        "en": "yes",
        "fr": "oui",
    },
    "exercise.grid.value.no": {
        "en": "no",
        "fr": "non",
    },
    "exercise.grid.value.not-in-text": {
        "en": "not in the kit's copy",
        "fr": "absent de la copie du kit",
    },
    "exercise.grid.value.6-months": {
        "en": "6 months after notice",
        "fr": "6 mois après la notification",
    },
    "exercise.grid.value.1-year": {
        "en": "1 year after notice",
        "fr": "un an après la notification",
    },
    "exercise.grid.value.2-years": {
        "en": "2 years after notice",
        "fr": "2 ans après la notification",
    },
    "exercise.grid.value.no-withdrawal-clause": {
        "en": "no clause for leaving the treaty",
        "fr": "aucune clause de retrait",
    },
    "exercise.grid.value.not-held": {
        "en": "not in the kit's texts",
        "fr": "absent des textes du kit",
    },
    "exercise.grid.no_consultation": {
        "en": "the kit holds no consultation clause of this treaty",
        "fr": "le kit ne détient aucune clause de consultation de ce traité",
    },
    "exercise.grid.withdrawal_not_held": {
        "en": "the kit holds no withdrawal article of this treaty: see treaties.csv (notice_article) and the official text",
        "fr": "le kit ne détient pas l'article de retrait de ce traité : voir treaties.csv (notice_article) et le texte officiel",
    },
    "exercise.grid.unknown_row": {
        "en": "{given} is not a row of the grid.{hint} Rows: {ids}.",
        "fr": "{given} n'est pas une ligne de la grille.{hint} Lignes : {ids}.",
    },
    "exercise.grid.unreadable": {
        "en": "{treaty}, {column}: {given} is none of the choices ({choices}).",
        "fr": "{treaty}, {column} : {given} ne fait pas partie des choix ({choices}).",
    },
    "exercise.grid.right": {
        "en": "{treaty}, {column}: {value}. The deciding words: {words}.",
        "fr": "{treaty}, {column} : {value}. Les mots décisifs : {words}.",
    },
    "exercise.grid.differs": {
        "en": "{treaty}, {column}: you wrote {given}; the kit reads it as {value}. The deciding words: {words}.",
        "fr": "{treaty}, {column} : vous avez écrit {given} ; le kit retient {value}. Les mots décisifs : {words}.",
    },
    "exercise.grid.consultation_values": {
        "en": 'the number of that treaty\'s consultation article as the kit holds it (e.g. "4", "III", "IV(2)"), or "none"',
        "fr": 'le numéro de l\'article de consultation de ce traité tel que le kit le détient (p. ex. "4", "III", "IV(2)"), ou "none"',
    },
    "exercise.grid.also": {
        "en": "{treaty}, {column}: {given} is accepted: the words allow it, or the kit's copy cannot rule it out; the kit reads it as {value}. The deciding words: {words}.",
        "fr": "{treaty}, {column} : réponse acceptée ({given}) : le texte le permet, ou la copie du kit ne permet pas de l'exclure ; le kit retient {value}. Les mots décisifs : {words}.",
    },
    "exercise.grid.open_cells": {
        "en": "{treaty}: not answered yet: {cells}.",
        "fr": "{treaty} : pas encore de réponse : {cells}.",
    },
    "exercise.grid.none_yet": {
        "en": "no cell is filled yet. {how}",
        "fr": "aucune case n'est encore remplie. {how}",
    },
    "exercise.grid.summary": {
        "en": "{right} of {total} cells read as the kit reads the texts; {open} not answered yet.",
        "fr": "{right} case(s) sur {total} remplie(s) comme le kit lit les textes ; {open} sans réponse pour l'instant.",
    },
    "exercise.kinds.title": {
        "en": "What kind of clause is it?",
        "fr": "Quel type de clause ?",
    },
    "exercise.kinds.question": {
        "en": "Each article below does one job. Is it a defence clause (help when a party is attacked), a consultation clause (talks when a party is threatened), a non-aggression clause, a scope clause (where the defence clause applies), a withdrawal clause, or other?",
        "fr": "Chaque article ci-dessous remplit une fonction. Est-ce une clause de défense (assistance en cas d'attaque), de consultation (concertation en cas de menace), de non-agression, de champ d'application (où s'applique la clause de défense), de retrait, ou autre ?",
    },
    "exercise.kinds.example": {
        "en": "a dict of clause -> kind, e.g. {example}",
        "fr": "un dict clause -> type, p. ex. {example}",
    },
    "exercise.kinds.item": {
        "en": "{clause}: “{text}”",
        "fr": "{clause} : « {text} »",
    },
    "exercise.kinds.kind.defence": {
        "en": "defence",
        "fr": "défense",
    },
    "exercise.kinds.kind.consultation": {
        "en": "consultation",
        "fr": "consultation",
    },
    "exercise.kinds.kind.non-aggression": {
        "en": "non-aggression",
        "fr": "non-agression",
    },
    "exercise.kinds.kind.scope": {
        "en": "scope",
        "fr": "champ d'application",
    },
    "exercise.kinds.kind.withdrawal": {
        "en": "withdrawal",
        "fr": "retrait",
    },
    "exercise.kinds.kind.other": {
        "en": "other",
        "fr": "autre",
    },
    "exercise.kinds.unknown": {
        "en": "{given} is not a clause of this exercise.{hint} Clauses: {ids}.",
        "fr": "{given} n'est pas une clause de cet exercice.{hint} Clauses : {ids}.",
    },
    "exercise.kinds.open": {
        "en": "{clause}: not answered yet.",
        "fr": "{clause} : pas encore de réponse.",
    },
    "exercise.kinds.right": {
        "en": "{clause}: {kind}. The deciding words: {words}.",
        "fr": "{clause} : {kind}. Les mots décisifs : {words}.",
    },
    "exercise.kinds.differs": {
        "en": "{clause}: you said {given}; it is {kind}. The deciding words: {words}. {why}",
        "fr": "{clause} : vous avez répondu {given} ; le kit y voit une clause de type {kind}. Les mots décisifs : {words}. {why}",
    },
    "exercise.kinds.none_yet": {
        "en": "no clause has an answer yet. {how}",
        "fr": "aucune clause n'a encore de réponse. {how}",
    },
    "exercise.kinds.summary": {
        "en": "{right} of {total} clauses named as the kit reads them; {open} not answered yet.",
        "fr": "{right} clause(s) sur {total} classée(s) comme le kit les lit ; {open} sans réponse pour l'instant.",
    },
}
