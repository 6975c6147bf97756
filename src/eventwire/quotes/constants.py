"""Word lists and dependency labels of the quote stage, in one place."""
from __future__ import annotations

MIN_DIRECT_WORDS = 4
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# An inverted subject pronoun is nominative ("..., said he"); "declaring it “...”" has an object.
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "one"}
NAME_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")
NOT_SPEAKERS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
RELATIVE_PRONOUNS = ("who", "that", "which")
# Phrasal cues: the verb speaks only with its particle ("points out", "fired back").
PHRASAL_CUES = {"point": "out", "fire": "back", "shoot": "back", "hit": "back", "spell": "out", "lash": "out", "go": "on",
                "speak": "out", "cry": "out", "sum": "up", "put": "it"}
# Cues whose speaker may follow them ("..., said Pavone"); for the others a noun
# after the verb is who is told or described ("telling CNN", "calling Christie").
INVERSION_CUES = {"say", "add", "write", "continue", "ask", "explain", "recall", "note", "tweet", "declare",
                  "insist", "exclaim", "reply", "answer", "respond", "counter", "conclude", "observe", "quip",
                  "retort", "joke", "warn", "argue", "state", "report", "announce", "claim", "cry", "shout"}
# Cue lemmas that often are not speech ("would continue to", "think", "ask for").
WEAK_CUES = {"continue", "think", "believe", "ask", "call", "urge", "agree", "refer", "describe", "charge"}
# Inflected cues that open an inverted name line ("Continued Stone: “...”").
CUE_FORMS = {"said", "added", "stated", "continued", "wrote", "asked", "explained", "noted", "concluded",
             "replied", "responded", "tweeted", "declared", "insisted", "argued"}
# Links from a subjectless cue up to the verb whose subject speaks: "began by
# saying", "took to Twitter, writing", "went on to say", "said and added".
UP_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp")
# Cues whose object is who is spoken to or a plain noun, not what is said.
OBJECT_NOT_CONTENT = {"say", "tell", "ask", "answer", "thank", "post", "tweet", "write", "continue", "quote",
                      "report", "state", "add", "note", "think", "believe", "agree", "refer", "comment"}
# "accused Washington of preparing an invasion", "praised the deal for its
# fairness": what the object is accused or praised of is part of the words.
REASON_PREPS = ("of", "for", "over", "as")

# Speaker words the quote stage resolves itself (coder: quote speakers).
PERSON_PRONOUNS = {"he", "she"}
GROUP_PRONOUNS = {"they", "it", "we"}
CLAUSE_SPEAKER_KINDS = ("person", "organization", "group", "country")
