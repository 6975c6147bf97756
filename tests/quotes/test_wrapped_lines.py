"""Hard-wrapped copy: a line break inside a sentence is no paragraph break."""
import eventwire
from eventwire.quotes.marks import unwrap


def _quotes(text: str):
    rec = eventwire.code_text(text, published="2025-03-04")
    return [(q.kind, q.text, q.speaker.actor.name if q.speaker else None) for q in rec.quotes]


INDENT = "\n            "


def test_unwrap_keeps_offsets_and_paragraph_breaks():
    text = ("The harbour board met on Monday to settle the dispute over fees charged to" + INDENT +
            "Fishing crews.\nShort headline" + INDENT + "Next paragraph starts here.\n")
    out = unwrap(text)
    assert len(out) == len(text)
    assert "charged to             Fishing" in out  # a long line wrapped before a capital
    assert "crews.\nShort" in out  # a sentence ends its line: a paragraph break
    assert "Short headline\n" in out  # a short line is a headline, not a wrapped line


def test_quote_running_across_a_wrapped_line_is_found_whole():
    text = ("The harbour master Tomas Varga spoke to reporters on the quay on a cold and windy Monday." + INDENT +
            '"We have asked the port authority for new cranes for three years and nobody has' + INDENT +
            'answered a single letter," Varga said.\n')
    quotes = _quotes(text)
    hits = [q for q in quotes if "answered a single letter" in q[1] and "new cranes" in q[1]]
    assert hits, quotes
    assert hits[0][0] == "direct"
    assert hits[0][2] is not None and "Varga" in hits[0][2]


def test_speaker_name_split_by_a_wrapped_line_is_one_mention():
    text = ("In a call with reporters on Friday, the harbour board's deputy director of operations Tomas" + INDENT +
            "Varga said the strike would end soon.\n")
    rec = eventwire.code_text(text, published="2025-03-04")
    hit = [q for q in rec.quotes if "strike would end" in q.text]
    assert hit and hit[0].speaker is not None, rec.quotes
    words = hit[0].speaker.text.split()
    assert "Tomas" in words and "Varga" in words
