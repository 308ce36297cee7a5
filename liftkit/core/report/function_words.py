"""The small words after which a sentence goes on, in the languages whose chats liftkit
reads: a #tag after one is the sentence's last word, not a label after it (model.py)."""

# Words after which a sentence goes on: a tag after one is the sentence's own word ("a
# question of #culture", "una cuestión de #culture."), kept as that word. The articles,
# prepositions, conjunctions and possessives of the languages whose chats liftkit reads
# (chat/localized.py), each listed under the first language that has it: "vengo a aprender
# sobre #listening" was quoted "… aprender sobre". Not German's prepositions that end a
# clause as often, as a verb's particle ("ich höre zu #x": auf, aus, mit, nach, um, vor, zu),
# nor Spanish "bajo" ("está bajo", low); not Japanese, Chinese or Korean, written without
# spaces between words.
LEADS_ON = frozenset(
    {
        # English
        "a", "an", "the", "of", "for", "and", "or", "nor", "but", "with", "about", "my", "our",
        "your", "their", "its", "his", "to", "in", "on", "at", "by", "from", "into", "onto",
        "upon", "than", "as", "like", "unlike", "towards", "toward", "through", "around",
        "without", "within", "across", "between", "among", "amongst", "amid", "during",
        "despite", "via", "per", "versus", "very",
        # Spanish
        "de", "del", "al", "la", "el", "lo", "los", "las", "un", "una", "unos", "unas", "y",
        "e", "o", "u", "que", "en", "con", "sin", "por", "para", "sobre", "entre", "hacia",
        "hasta", "desde", "contra", "según", "tras", "ante", "durante", "mediante",
        "mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra", "nuestros", "nuestras",
        # French
        "le", "les", "une", "du", "des", "au", "aux", "et", "ou", "à", "dans", "sur", "sous",
        "pour", "avec", "sans", "chez", "vers", "par", "contre", "depuis", "pendant", "selon",
        "envers", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos",
        "votre", "vos", "leur", "leurs",
        # German
        "der", "die", "das", "den", "dem", "ein", "eine", "einen", "einem", "einer",
        "eines", "und", "oder", "von", "vom", "für", "über", "unter", "zum", "zur", "im", "am",
        "ins", "bei", "beim", "ohne", "gegen", "durch", "zwischen", "mein", "meine", "meinen",
        "unser", "unsere", "unseren",
        # Italian
        "di", "dei", "degli", "della", "dello", "delle", "alla", "allo", "ai", "agli", "alle",
        "da", "dal", "dalla", "dai", "nel", "nella", "nello", "nei", "negli", "nelle",
        "sul", "sulla", "sui", "il", "gli", "uno", "che", "tra", "fra", "verso",
        "senza", "mio", "mia", "nostro", "nostra", "nostri", "nostre",
        # Russian
        "в", "во", "на", "о", "об", "обо", "про", "с", "со", "к", "ко", "для", "по", "от",
        "из", "за", "у", "без", "через", "между", "под", "над", "при", "и", "или", "а", "но",
        "мой", "моя", "мои", "наш", "наша", "наши",
    }
)  # fmt: skip
