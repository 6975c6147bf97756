"""Who is named: the knowledge base of countries, organizations, people and roles, and their resolution in an article."""
