# Reflections are deliberately not registered in the admin: an answer row holds only
# which question was answered, and its text is in the vault. Nothing there helps an
# operator, and listing it would only tell them who has reflected on what.
