"""Who is named: the knowledge base of countries, organizations, people and roles, and their resolution in an article.

knowledge (the tables) -> detect (names and titles in a Doc) -> pronouns, with
context (countries of roles and places) and phrase (the actors of a noun
phrase) read from the index of mentions; `ArticleActors` composes them.
"""
from .article import ArticleActors
from .index import Found, Mentions
from .knowledge import KnowledgeBase, Role, actor_code, knowledge_base, slug, unknown_actor
from .phrase import absolute_subject, is_absolute_subject
from .pronouns import contradicts

__all__ = ["ArticleActors", "Found", "KnowledgeBase", "Mentions", "Role", "absolute_subject", "actor_code",
           "contradicts", "is_absolute_subject", "knowledge_base", "slug", "unknown_actor"]
