"""Sub-codes from the act's own words: the political goal and the weapon."""


def test_protests_and_demands_are_coded_by_their_political_goal(events):
    assert any(e.cameo == "1451" for e in events(
        "Tunisian crowds rioted in Sfax, demanding the ouster of the prime minister."))
    assert any(e.cameo == "1443" for e in events(
        "Students in Belgrade blocked bridges on Friday to press their calls for more liberty."))


def test_a_bare_appeal_about_a_political_goal_is_an_appeal_for_reform(events):
    assert any(e.cameo == "0244" for e in events("President Ruto urged lawmakers in Kenya to amend the constitution."))


def test_right_wing_is_not_about_rights(events):
    assert not any(e.cameo.endswith("3") and e.root == "02" for e in events(
        "An Egyptian daily called on Muslims to stand against Dutch right-winger Geert Wilders."))


def test_the_weapon_named_in_a_force_clause_gives_the_specific_code(cameos):
    assert "195" in cameos("Israeli warplanes killed 12 people in southern Lebanon on Sunday.")
    assert "1952" in cameos("The United States killed three militants in Yemen with drones.")
    assert "193" in cameos("Soldiers killed three protesters with rifles in Cairo.")
    # what is attacked is not the weapon
    assert "195" not in cameos("Militants attacked a passenger plane in Somalia.")
