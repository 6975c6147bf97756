"""scripts/convert_petrarch.py on small dictionaries written here in the
PETRARCH2 formats (not the real files): what maps, what is listed as not
mapping, dates, CAMEO-era codes, plurals and discards."""
from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "convert_petrarch.py"

COUNTRIES = """# test file
ATLANTIS_  [USA]
+ATLANTEAN_
+PORT_ROYAL_

FREEDONIA_ [YUG]
+FREDONIAN_

REPUBLIC_OF_NORTH_FREEDONIA_
	[KRJUNR 911219-951112]

HARBOR_GUARD_OF_ATLANTIS
+ATLANTIS_HARBOR_GUARD
	[USAMIL]

JANE_QUILL_  # CountryInfo.txt
	[USAELI 600101-090119]
	[USAGOV 090120-170120]
	[USAELI]
"""
INTERNATIONAL = """
WORLD_WIDGET_FUND_ [IGOWWF]
W.W.F._

MARY_ROE_	[KORGOV 040101-061231] [IGOWWF >070101]# rulers
"""
MILNONSTATE = """
NORTHERN_LIBERATION_FRONT_(NLF)_ [USRREB] #  kkl 21 Mar 13
+NLF_REBELS_
"""
AGENTS = """!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
FERRY!PERSON! [~BUS]
ARMY_CHIEF [~MILGOV]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
HUMAN_RIGHTS_GROUP  [NGO~]
"""
VERBS = """# header
&DRINK
+WATER
+JUICE_

####### VERB PATTERNS #######

---  GIVE   [070]  ---
GIVE {GAVE GIVEN GIVES GIVING}
DONATE
+HAND_OVER
- * &DRINK                 [073]
- * (TO ^)                 [070]   # GIVE
- * {MILITARY AID}         [071]   # GIVE
- * {FOOD AID}             [073]   # GIVE
- * (FOR SHELTER/HOUSING)  [073]   # GIVE
- ARMY * WEAPONS           [072]   # GIVE
- * LOAN (TO +)            [071]   # GIVE
- * SPEECH                 [---]   # GIVE
- * VISA                   [:056]  # GIVE

---  REJECT   [120]  ---
DISMISS
HARASS [140]
NEED
BURNT

---  LOITER   [---]  ---
LOITER
- * (NEAR BORDER)          [999]   # LOITER
"""
DISCARDS = """+WORLD CUP   # ab 13 Jun 2005
BASEBALL
MJ 18 APR 2006
1998
YEARS AGO
"""


def load_script():
    spec = importlib.util.spec_from_file_location("convert_petrarch", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_petrarch"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    src = tmp_path_factory.mktemp("petrarch")
    for name, text in (("Phoenix.Countries.actors.txt", COUNTRIES), ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILNONSTATE), ("Phoenix.agents.txt", AGENTS),
                       ("CAMEO.2.0.txt", VERBS), ("Phoenix.discards.txt", DISCARDS)):
        (src / name).write_text(text, encoding="utf-8")
    (src / "LICENSE").write_text("The MIT License (MIT)\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("data")
    module = load_script()
    assert module.main(["--source", str(src), "--out", str(out)]) == 0
    return out


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_country_names_cities_and_old_codes_resolve_to_iso(converted):
    names = {r["phrase"]: r["country"] for r in rows(converted / "actors" / "petrarch" / "country_names.tsv")}
    assert names["Atlantis"] == "USA" and names["Port Royal"] == "USA" and names["Atlantean"] == "USA"
    assert names["Fredonian"] == "SRB"  # YUG is not ISO 3166: Yugoslavia is coded as Serbia
    actors = {r["name"]: r for r in rows(converted / "actors" / "petrarch" / "actors.tsv")}
    republic = actors["Republic Of North Freedonia"]  # KRJ (Serbian Krajina) lay in Croatia
    assert (republic["code"], republic["kind"]) == ("HRVUNR", "organization")  # a republic is no person


def test_people_keep_each_dated_post_and_the_default(converted):
    actors = rows(converted / "actors" / "petrarch" / "actors.tsv")
    quill = [r for r in actors if r["name"] == "Jane Quill"]
    assert [(r["code"], r["from"], r["to"]) for r in quill] == [
        ("USAELI", "1960-01-01", "2009-01-19"), ("USAGOV", "2009-01-20", "2017-01-20"), ("USAELI", "", "")]
    assert {r["kind"] for r in quill} == {"person"}
    roe = [(r["code"], r["from"], r["to"]) for r in actors if r["name"] == "Mary Roe"]
    assert roe == [("KORGOV", "2004-01-01", "2006-12-31"), ("IGOWWF", "2007-01-01", "")]


def test_organizations_synonyms_acronyms_and_variants(converted):
    actors = {r["name"]: r for r in rows(converted / "actors" / "petrarch" / "actors.tsv")}
    guard = actors["Harbor Guard Of Atlantis"]
    assert guard["code"] == "USAMIL" and guard["kind"] == "organization"
    assert "Atlantis Harbor Guard" in guard["aliases"].split("|")
    assert actors["W.W.F."]["code"] == "IGOWWF"  # a codeless spelling variant takes the record before it
    nlf = actors["Northern Liberation Front (NLF)"]
    assert nlf["code"] == "RUSREB"  # USR (the USSR) is mapped


def test_agents_expand_plurals_and_substitutions(converted):
    roles = {r["phrase"]: r for r in rows(converted / "actors" / "petrarch" / "roles.tsv")}
    assert {"ferryman", "ferrymen", "ferrywoman", "ferryperson"} <= roles.keys()
    assert roles["army chief"]["sector"] == "MIL" and roles["army chief"]["code"] == "MILGOV"
    assert "army chiefs" in roles
    assert "police" in roles and "polices" not in roles  # {} means no plural
    assert "attorneys general" in roles and "attorney generals" not in roles
    assert roles["human rights group"]["placement"] == "before" and roles["human rights group"]["sector"] == "NGO"


def test_verb_patterns_map_onto_verb_particle_preposition_and_object(converted):
    verbs = rows(converted / "events" / "petrarch" / "verbs.tsv")
    got = {(r["lemma"], r["particle"], r["complement"], r["prep"]): r["cameo"] for r in verbs}
    assert got[("give", "", "water|juice", "")] == "073"  # a synset is a list of lemmas
    assert got[("donate", "", "water|juice", "")] == "073"  # a pattern with no origin holds for every verb
    assert ("donate", "", "", "to") not in got  # one whose comment names GIVE holds for give only
    assert got[("hand", "over", "water|juice", "")] == "073"  # +HAND_OVER: verb and particle
    assert got[("give", "", "", "to")] == "070"
    assert got[("give", "", "shelter|housing", "for")] == "073"
    assert got[("give", "", "loan", "to")] == "071"
    assert got[("give", "", "speech", "")] == "-"
    assert got[("give", "", "", "")] == "070"  # the verb alone takes the block code
    assert got[("dismiss", "", "", "")] == "120"  # a base form ending in s keeps it ("dismis" is no lemma)
    assert got[("need", "", "", "")] == "120"  # not "nee"
    assert got[("harass", "", "", "")] == "140"  # a verb's own code wins over its block's
    assert got[("burn", "", "", "")] == "120"  # an irregular form listed as a verb goes to its lemma
    assert not any(k[0] == "loiter" and k[3] == "" for k in got)  # [---] block: the verb alone is no event


def test_patterns_that_do_not_map_are_listed_with_a_reason(converted):
    unmapped = rows(converted / "events" / "petrarch" / "unmapped.tsv")
    reasons = {r["pattern"].split("*", 1)[-1].strip(): r["reason"] for r in unmapped}
    assert reasons["{MILITARY AID}"].startswith("a modifier tells it")
    assert reasons["{FOOD AID}"].startswith("a modifier tells it")
    assert reasons["WEAPONS"].startswith("words before the verb")
    assert reasons["VISA"] == "code only for the reverse direction"
    assert reasons["(NEAR BORDER)"] == "code not in cameo.tsv"
    report = (converted / "events" / "petrarch" / "conversion_report.txt").read_text()
    assert "pattern not mapped: words before the verb" in report


def test_discards_keep_scope_and_drop_annotator_stamps(converted):
    discards = {r["phrase"]: r for r in rows(converted / "events" / "petrarch" / "discards.tsv")}
    assert discards["world cup"]["scope"] == "story" and discards["baseball"]["scope"] == "sentence"
    assert discards["1998"]["kind"] == "year" and discards["years ago"]["kind"] == "time"
    assert "mj 18 apr 2006" not in discards


def test_every_table_directory_names_the_source_and_carries_the_licence(converted):
    for d in (converted / "actors" / "petrarch", converted / "events" / "petrarch"):
        assert "MIT" in (d / "LICENSE").read_text()
        assert "PETRARCH2" in (d / "README.md").read_text()


def test_a_missing_source_directory_is_a_usage_error(tmp_path, capsys):
    module = load_script()
    with pytest.raises(SystemExit) as e:
        module.main(["--source", str(tmp_path / "nowhere"), "--out", str(tmp_path)])
    assert e.value.code == 2
    assert "no such directory" in capsys.readouterr().err
