"""Word lists and code sets of the actor stage, in one place."""
from __future__ import annotations

PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRONOUNS_COLLECTIVE = {"it", "its", "they", "them", "their"}
SPEAKER_PLURALS = {"we", "our", "us", "ours"}
PRONOUN_GENDER = {"she": "f", "her": "f", "hers": "f", "herself": "f",
                  "he": "m", "him": "m", "his": "m", "himself": "m"}
NP_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "nummod", "quantmod"}
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}
QUANTITY_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
                  "group", "member", "members", "number", "crowd", "delegation", "team", "band", "unit",
                  "some", "many", "most", "all", "several", "few", "one", "two", "three", "part", "majority",
                  "deployment", "contingent", "batch", "patch", "convoy", "detachment", "column", "battalion",
                  "squad", "wave", "handful", "couple", "score", "scores", "flotilla", "fleet", "party", "body",
                  "force", "units", "minority", "faction", "wing", "bloc", "delegations"}
NON_STATE_ORGS = {"IGO", "NGO", "IMG", "MNC"}
# Words in the name of an unknown organization with no country that make it a
# non-governmental one (CAMEO NGO); IGO-like words (Union, Council, Organization)
# are left out, as they name intergovernmental bodies as often.
NGO_NAME_WORDS = {"Association", "Foundation", "Watch", "Institute", "Society", "Federation", "Network",
                  "Center", "Centre", "Forum", "Trust", "Campaign", "Charity", "Relief", "Aid", "Rights",
                  "Amnesty", "Jurists", "Lawyers", "Doctors", "Physicians", "Reporters"}
STANCE_PREFIXES = {"anti", "pro", "non"}
# "Polish Americans", "Iraqi Canadians": the second demonym is where they live.
IMMIGRANT_NATIONS = {"USA", "CAN", "AUS", "NZL", "GBR"}
# A city named before one of these names a document or a forum, not its country.
DOCUMENT_NOUNS = {"accord", "accords", "agreement", "agreements", "convention", "conventions", "protocol",
                  "protocols", "process", "declaration", "treaty", "format", "framework", "initiative", "peace",
                  "summit", "conference", "consensus", "document", "memorandum", "statute"}
PLACED_VERBS = {"base", "based", "station", "stationed", "operate", "operating", "deploy", "deployed", "live",
                "living", "locate", "located"}
PLACE_PREPS = ("in", "at", "near", "outside", "inside")
