from eventwire.events.cameo import codes, lookup


def test_every_code_has_weight_quad_class_and_plover_where_plover_has_one():
    table = codes()
    assert len(table) > 300
    for code, c in table.items():
        assert -10 <= c.goldstein <= 10
        assert c.quad_class in (1, 2, 3, 4)
        if c.root not in ("01",):
            assert c.plover, code
    assert {c.root for c in table.values()} == {f"{i:02d}" for i in range(1, 21)}


def test_known_codes():
    visit = lookup("042")
    assert (visit.plover, visit.quad_class, visit.goldstein) == ("CONSULT", 1, 3.0)
    assert lookup("195").plover == "ASSAULT" and lookup("195").quad_class == 4
    assert lookup("0233").plover == "REQUEST"
