"""Whether an act is asserted, intended, hypothetical or negated."""


def test_modality_negated_and_hypothetical(events):
    [neg] = [e for e in events("Russia did not attack Ukraine.") if e.root != "01"]
    assert neg.modality == "negated"
    [hyp] = [e for e in events("China could impose sanctions on Japan.") if e.root != "01"]
    assert hyp.modality == "hypothetical" and hyp.root == "16"


def test_a_decision_to_act_is_the_act(events):
    evs = events("Senegal's Constitutional Council decided to allow the exiled opposition leader to return.")
    assert any(e.root == "08" and e.modality == "asserted" for e in evs)
