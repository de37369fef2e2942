"""Names that a pair's two sides disagree on, told apart from renderings of one name."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ... import lazy_re
from ..places import country_mismatches, without_accents
from .mismatch import FactMismatch
from .quantities import MONTHS, _WORD_RE, _roman_value


_LIGATURES = str.maketrans({"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})


# Cyrillic and Greek written in Latin letters as the English press does, so that "Лавров" and
# "Λαβρόφ" key as "Lavrov": without it a Russian or Greek text had no names at all, and "Sergey
# Lavrov" / "Сергей Шойгу" went unseen.
_CYRILLIC_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґўђјљњћџ", (
    "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya ye i yi g u dj j lj nj c dzh").split()))
_GREEK_LATIN = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t i f ch ps o".split()))
_GREEK_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "μπ": "b", "ντ": "d", "γκ": "g", "γγ": "ng", "αυ": "av",
                "ευ": "ev", "τσ": "ts", "τζ": "tz"}
_ROMAN_LETTERS = {**{c: v.strip("_") for c, v in _CYRILLIC_LATIN.items()},
                  **{c.upper(): v.strip("_").capitalize() for c, v in _CYRILLIC_LATIN.items()},
                  **_GREEK_LATIN, **{c.upper(): v.capitalize() for c, v in _GREEK_LATIN.items() if c != "ς"}}
_GREEK_PAIR_RE = lazy_re.compile("|".join(_GREEK_PAIRS), re.IGNORECASE)
_NOT_LATIN_LETTERS = lazy_re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_GREEK_INSIDE = {"b": "mb", "d": "nd", "g": "ng"}  # "μπ", "ντ", "γκ" inside a word: Παγκλώς is Pangloss


def _greek_pair(m: re.Match) -> str:
    pair = m.group(0)
    latin = _GREEK_PAIRS[pair.lower().replace("ς", "σ")]
    before = m.string[m.start() - 1] if m.start() > 0 else ""
    if before and (before.isalpha() or unicodedata.combining(before)):
        latin = _GREEK_INSIDE.get(latin, latin)
    return latin.capitalize() if pair[0].isupper() else latin


# Greek writes the Latin "J" of a name as "Ι" before a vowel: Ιησουίτες are Jesuits, Ιούλιος Julius.
_GREEK_J = lazy_re.compile(r"(?<![^\W\d_])Ι(?=[αεηιουωάέήίόύώ])")


def _romanised(text: str) -> str:
    if not _NOT_LATIN_LETTERS.search(text):
        return text
    text = _GREEK_J.sub("J", text)
    # Decomposed, an accent on a pair's first vowel parts it: "Άυρες" is A-i-res, "Αύγουστος" Av-.
    text = without_accents(_GREEK_PAIR_RE.sub(_greek_pair, unicodedata.normalize("NFD", text)))
    return "".join(_ROMAN_LETTERS.get(c, c) for c in text)


def _ascii(text: str) -> str:
    return without_accents(_romanised(text).translate(_LIGATURES))


_TRANSLIT = [
    ("ae", "e"), ("oe", "e"), ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"),
    ("kh", "h"), ("ou", "u"), ("gue", "ge"), ("gui", "gi"), ("ph", "f"), ("th", "t"), ("w", "v"),
    ("y", "i"), ("ck", "k"), ("q", "k"), ("ce", "se"), ("ci", "si"), ("c", "k"), ("x", "ks"), ("ie", "i"), ("ei", "i"),
]


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """A spelling-blind key: Sergueï/Sergey, Poutine/Putin and Galuzine/Galuzin get the same key.
    Cached: the words of a text repeat, and every word of every pair is keyed (a tenth of the fact
    checks' time)."""
    key = re.sub(r"[^a-z]", "", _ascii(word).lower())
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    key = re.sub(r"(.)\1+", r"\1", key)
    # French adds a mute -e and plurals an -s to transliterated names.
    key = re.sub(r"(?<=..)[es]+$", "", key)
    return key


def _similarity(a: str, b: str) -> float:
    """1 - edit distance / the longer length. Every name is compared with every word of the other
    side, so this runs a hundred thousand times on a book: rapidfuzz's compiled Levenshtein."""
    return Levenshtein.normalized_similarity(a, b)


@lru_cache(maxsize=1 << 16)
def _skeleton(key: str) -> str:
    """Consonants only: exonyms keep them and change the vowels (Maroc/Morocco, Brésil/Brazil)."""
    # "gn" is the sound Spanish writes "ñ" (España, Spagna, Espagne, Bretagne / Britain).
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouh]", "", key.replace("z", "s").replace("j", "i").replace("gn", "n")))


# Given names that translations render in their own language ("King Henry" is "el rey Enrique", "Saint
# John" "San Juan", "Stephen" "Étienne"): 32 of 77 such pairs of the common ones read as changed names,
# and a literary translation as a run of name mismatches ("Edward" / "Eduardo" on a Candide gold pair).
# One line a name, its forms in English, French, Spanish, Italian, German, Portuguese, Dutch, Russian
# and Greek (in Latin letters, as `_romanised` writes them).
_GIVEN_NAME_FORMS = """
john jean juan giovanni johann johannes hans joão jan ivan
peter pierre pedro pietro petrus piet piotr pyotr pëtr petros
william guillaume guillermo guglielmo wilhelm willem guilherme
henry henri enrique enrico heinrich hendrik henrique
louis luis luigi ludwig lodewijk luís ludovico
george georges jorge giorgio georg joris georgy georgios giorgos
james jacques jaime diego giacomo jakob jacob jacopo tiago iago
joseph josé giuseppe josef jozef josep
edward édouard eduardo edoardo eduard
michael michel miguel michele michiel mikhail
stephen étienne esteban stefano stephan stefan estêvão stepan
catherine catalina caterina katharina catarina ekaterina
elizabeth élisabeth isabel isabella elisabeth elisabetta elizaveta
paul pablo paolo paulo pavel pavlos
frederick frédéric federico friedrich frederik
lawrence laurent lorenzo lorenz lourenço laurens
alexander alexandre alejandro alessandro aleksandr alexandros
mary marie maría maria
anthony antoine antonio anton antónio
charles carlos carlo karl carel karel
francis françois francisco francesco franz frans
gregory grégoire gregorio gregor grigory
nicholas nicolas nicolás nicola nikolaus nikolai nikolaos
andrew andré andrés andrea andreas andrei
matthew mathieu mateo matteo matthäus mateus
columbus colomb colón colombo kolumbus
theodore théodore teodoro theodor fyodor fedor
thomas tomás tommaso tomasz foma
david davide davi
daniel daniele
martin martín martino
robert roberto
richard ricardo riccardo
philip philippe felipe filippo philipp filipe
margaret marguerite margarita margherita margarete margarida
anna ana
helen hélène elena helena eleni
sophia sophie sofía sofia
susan susanne susana susanna
eugene eugène eugenio evgeny
sergei sergey serge sergio
vladimir wladimir volodymyr
dmitri dmitry dimitri dimitrios demetrius
constantine constantin konstantin costantino constantino konstantinos
natalia natalya natalie nathalie
tatiana tatyana
boris
olga
igor
oleg
mark marc marco marcos markus
luke luc lucas luca lukas
emmanuel manuel emanuele
hugh hugues hugo ugo
arthur arturo artur
albert alberto
bernard bernardo bernhard
angela angèle ángela
julia julie giulia yulia
claire clara chiara klara
cecilia cécile
adam adamo
moses moïse moisés mosè
solomon salomon salomón salomone
samuel samuele
oliver olivier
christopher christophe cristóbal cristoforo christoph
benedict benoît benito benedetto benedikt
augustine augustin agustín agostino
vincent vicente vincenzo
raymond ramón raimondo raimund
rudolf rodolphe rodolfo rudolph
gustav gustave gustavo
ernest ernesto ernst
leonard léonard leonardo leonhard
patrick patrice patricio patrizio
simon simón simone
dominic dominique domingo domenico
"""
# ... and places whose names differ by language more than a spelling does: Text+Berg's Swiss towns
# and cantons ("Solothurn" is "Soleure", a name mismatch on one of its test pairs), and the cities
# whose exonyms share too few letters (19 of 100 common pairs read as unrelated).
_PLACE_NAME_FORMS = """
solothurn soleure soletta
basel bâle basle basilea
neuchâtel neuenburg
graubünden grisons grigioni
biel bienne
sitten sion
chur coire coira
thun thoune
murten morat
delémont delsberg
florence firenze florencia florenz
geneva genève genf ginevra ginebra genebra
brussels bruxelles brüssel bruselas bruxelas
aachen aix-la-chapelle aquisgrán aquisgrana
mainz mayence magonza maguncia
liège lüttich lieja
antwerp anvers antwerpen amberes anversa
beijing pékin peking pechino pequín pequim
nanjing nankin nanking nankín nanchino nanquim
bavaria bavière bayern baviera
"""
# The sound changes that turn one name into its rendering in a sister language, so that a name a
# translator rendered rather than transliterated still reads as the same name: French "ill" is
# Spanish "j" and Italian "gli" (Oreillons / Orejones), Latin "-tio" is "-ción", "-zione", "-ção"
# (Assumption / Asunción), "mpt" is "nt" and "n" before "b" is "m" (Edinburgh / Édimbourg), "mr" grows
# a "b" (Zimri / Zambri), "qu" is "k" (Paquebot / Packetboat), Spanish and Greek "b" and "v" are one
# sound (Lisbon / Λισσαβώνα), Greek writes every hissing sound "σ" (Scholz / Σολτς), and the endings
# of the languages' nouns come and go. Used only to excuse a name found nowhere else on the other
# side: 8 of the 9 name mismatches on Candide es's gold pairs were such renderings.
_RENDERING = [(lazy_re.compile(a), b) for a, b in (
    (r"qu(?=[ei])", "k"),
    (r"schtsch|shch|chtch|sc(?=[ei])", "sh"),  # Russian "щ": Khrushchev, Khrouchtchev, Chruschtschow, Kruscev
    (r"(?<=[aeiou])ill|ll|lh|gli", "j"),
    (r"(?<=^[pfb])l", "i"),  # Italian: Flanders / Fiandre, Blanco / Bianco
    (r"n(?=[bp])", "m"),
    (r"gh\b", "g"),
    (r"(?<![cstpkgr])h", ""),  # mute: Homer / Omero, Bohemia / Boemia, Tehran / Teerão
    (r"ns(?=[aeiout])", "s"),  # Latin "ns" is "s" in Italian: Constantinople / Costantinopoli
    (r"t[sz]$", "z"),  # not an ending "s": Σολτς is Scholz
    (r"mp(?=[st])", "n"),
    (r"(?<=[aeiou])[pc]t", "t"),
    (r"mbr", "mr"),
    (r"v", "b"),
    # Latin "ti" before a vowel is "ci" in Spanish and Portuguese, "zi" in Italian: Pontius / Poncio /
    # Ponzio, Laetitia / Leticia (the King James Acts against the Reina-Valera: "Pontius vs Poncio").
    (r"(?<=[aeiounrl])ti(?=[aeiou])", "si"),
    (r"(?:t|c|z|ss?)(?:ion|ione|ao)", "sion"),
    (r"ao$", "an"),  # Portuguese nasal: Teerão, Milão
    (r"(?<=...)(?:[aeiou]s|[aeiou]|s)$", ""),
)]
_HISSING = lazy_re.compile(r"sh|t[sz]|z")


@lru_cache(maxsize=1 << 16)
def _rendering_key(word: str) -> str:
    word = _ascii(word).lower()
    for pattern, replacement in _RENDERING:
        word = pattern.sub(replacement, word)
    # On the key, whose endings are gone: a "z" made "s" before them read Stulz as a plural "Stul".
    return _HISSING.sub("s", name_key(word))


_NAME_FORM_CLASS = {name_key(form): k for k, line in enumerate((_GIVEN_NAME_FORMS + _PLACE_NAME_FORMS).split("\n"))
                     for form in line.split() if name_key(form)}
_GIVEN_NAME_CLASSES = frozenset(range(len(_GIVEN_NAME_FORMS.split("\n"))))


def _other_given_name(a: str, b: str) -> bool:
    """Two given names, neither a form of the other: "Edward" / "Pedro". A word that is no given name
    of the table before a kept surname may be a title the translation renders (Master / Maese
    Pangloss, Señor Lavrov), which is not a changed name."""
    ca, cb = _NAME_FORM_CLASS.get(a), _NAME_FORM_CLASS.get(b)
    return ca in _GIVEN_NAME_CLASSES and cb in _GIVEN_NAME_CLASSES and ca != cb


@lru_cache(maxsize=1 << 18)
def _related(a: str, b: str) -> bool:
    """Same name, an exonym or a derived form of it (Bulgare/Bulgarians, Islande/Iceland, France/French)."""
    if a == b or _similarity(a, b) >= 0.8:
        return True
    if _NAME_FORM_CLASS.get(a, -1) == _NAME_FORM_CLASS.get(b, -2):
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    if common >= 4 or common >= 0.75 * min(len(a), len(b)):
        return True
    sa, sb = _skeleton(a), _skeleton(b)
    if min(len(sa), len(sb)) >= 3:
        return sa[:3] == sb[:3]
    # Two consonants are too few to go by alone (took/Haut-Karabakh): the spelling must agree too.
    return min(len(sa), len(sb)) == 2 and sa[:2] == sb[:2] and a[:3] == b[:3]


# Capitalised words that are not names: titles, months, weekdays, pronouns, forms of address
# ("Your Majesty" is "Vuestra Magestad" in an old Spanish Candide: 8 of its 19 name mismatches
# on gold pairs, `python -m benchmarks.false_alarms --corpus candide-es --sample 1000`), and the
# keys of a keyboard as manuals write them ("press Escape" / "appuyez sur Échap", a help page's
# <key> with its markup gone, was a changed name).
_NOT_NAMES = {
    _ascii(w) for w in """
    mr mrs ms miss dr sir lord lady madame monsieur mademoiselle mme mlle herr frau fräulein
    president président präsident minister ministre king roi könig queen reine prince princess
    princesse baron baronne general général captain capitaine kapitän professor professeur
    god dieu gott saint sainte st ste sankt i je ich you vous sie il elle er he she they ils elles
    the le la les der die das un une ein eine a an de du des von van und and et or ou oh ah
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi
    samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag
    chapter chapitre kapitel part partie teil book livre buch
    majesty majesties majestad majestades magestad magestades majeste majestes majestat maesta
    highness alteza altezas altesse altesses hoheit altezza excellency excelencia excellence excellences
    exzellenz eccellenza holiness santidad saintete heiligkeit santita eminence eminencia eminenz
    eminenza lordship ladyship senoria signoria reverence reverencia
    north south east west northeast northwest southeast southwest nord sud est ouest nordeste noroeste
    sudeste sudoeste norte oeste nordest nordovest sudest sudovest nordost nordwest sudost sudwest
    noord zuid oost kuzey guney dogu bati
    institute institut instituto istituto kurumu office bureau agency agence agencia agenzia agentur
    ministry ministere ministerio ministero ministerium bakanligi bank banque banco bankasi
    university universite universidad universidade universita universitat universiteit universitesi
    council conseil consejo conselho consiglio rat court cour tribunal tribunale gericht mahkemesi
    commission comision comissao commissione kommission komisyonu committee comite comitato ausschuss
    party parti partido partito partei partisi association associazione asociacion associacao verband
    foundation fondation fundacion fundacao fondazione stiftung vakfi centre center centro zentrum
    merkezi authority autorite autoridad autoridade autorita behorde kurulu department departement
    departamento dipartimento service servizio servicio servico dienst hospital hopital ospedale
    krankenhaus hastanesi museum musee museo muzesi muzeum library bibliotheque biblioteca bibliothek
    kutuphanesi school ecole escuela escola scuola schule okulu church eglise iglesia igreja chiesa kirche
    kilisesi palace palais palacio palacio palazzo palast sarayi
    institutes instituts institutos istituti ministries ministeres ministerios ministeri banks banques
    bancos banche banken universities universites universidades universita universitaten councils
    courts cours tribunaux commissions committees comites parties partis partidos partiti parteien
    associations foundations fondations centres centers centri centros authorities autorites
    departments departements services hospitals hopitaux hospitales ospedali krankenhauser museums
    musees musei museos libraries bibliotheques schools ecoles escuelas scuole schulen churches eglises
    iglesias chiese kirchen palaces
    escape esc echap enter entree eingabe intro invio return delete suppr entf supr suprimir canc shift maj
    umschalt mayus ctrl strg backspace space espace leertaste espacio spazio home debut pos1 inicio end fin
    ende insert inser einfg insertar alt altgr
    """.split()
} | {_ascii(m) for names in MONTHS.values() for m in names}

_CAP_RE = lazy_re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-ÞĀ-žƀ-ɏḀ-ỿА-ЯЁЄІЇЎҐЂЈЉЊЋЏΆΈ-ΏΑ-Ω][\w'’-]*[\w])", re.UNICODE)
_SENTENCE_START = lazy_re.compile(r"(?:^|[.!?:;«»\"“”„—–…(\[*#|]|\s-)\s*$")


@dataclass(frozen=True)
class _Name:
    text: str
    span: tuple[int, int]
    key: str
    initial: bool  # first word of a sentence, a quote or a line: its capital proves nothing


def extract_names(text: str) -> list[_Name]:
    names = []
    for m in _CAP_RE.finditer(text):
        word = m.group(1)
        word = re.sub(r"^(?:[LlDd]|Qu|qu)['’]", "", word)  # elided articles glued to a name: l'Azerbaïdjan
        start = m.end(1) - len(word)
        # Case endings after an apostrophe (Turkish Müzesi'nde, İstanbul'da; English Museum's) are
        # grammar, not the name: "Müzesi'nde" read whole was a near miss of "Museum".
        word = re.sub(r"['’][^\W\d_]{1,5}$", lambda m: "" if m.group(0)[1:].islower() else m.group(0), word)
        if not word[:1].isupper() or len(word) < 3 or word.isupper() and len(word) <= 4:
            continue  # acronyms (UE, USA) are translated, not transliterated
        key = name_key(word)
        if len(key) < 3 or _ascii(word).lower() in _NOT_NAMES:
            continue
        # The span is the name less both: "Yılmaz'a" was spanned "lmaz'a", and so never taken for
        # the surname of the "Işıl" before it (a changed surname went unseen).
        initial = _SENTENCE_START.search(text[max(0, start - 40):start]) is not None
        names.append(_Name(word, (start, start + len(word)), key, initial))
    return names


def _word_keys(text: str) -> set[str]:
    keys = {name_key(w) for w in _WORD_RE.findall(text) if len(w) >= 3} | {
        name_key(w) for w in re.findall(r"[\w'’-]+", text) if len(w) >= 3
    }
    # A word of a script with no Latin transliteration has the empty key, which every name is
    # "related" to: in an Arabic or Hebrew text, "Maria Lopez" -> "Maria Gomez" went unseen.
    keys.discard("")
    return keys


def _written_in_parts(names: list[_Name], text: str, other_keys: set[str]) -> set[int]:
    """The names that are one name of the other side written in two words: Vietnamese "Việt Nam"
    for "Vietnam" ("Nam" was a changed surname after the kept "Việt")."""
    out: set[int] = set()
    for k in range(len(names) - 1):
        a, b = names[k], names[k + 1]
        if text[a.span[1]:b.span[0]].strip() == "":
            joined = a.key + b.key
            # Alike as a whole, not only by its first part (a kept given name is no such match).
            if any(_similarity(joined, key) >= 0.8 and len(key) > len(a.key) + 1 for key in other_keys):
                out.update((k, k + 1))
    return out


# What may stand between the parts of one full name: a particle ("Jan de Vries", "Ludwig van
# Beethoven") or a short capitalised part read as no name of its own (Vietnamese "Nguyễn Thị Hồng",
# "Phan Văn Mãi"). With only spaces allowed, a changed surname after them went unseen.
_NAME_LINK = lazy_re.compile(r"\s+(?:(?:de|da|di|do|du|del|della|der|den|des|van|von|ter|ten|la|le|bin|ibn|al|el|dos|das)\s+"
                        r"|(?!(?:Ein|Eine|Der|Die|Das|The|Le|La|Les|Un|Une|El|Los|Las|Il|Lo|Uno|Una|Het|Een|De|Du|Des)\s)"
                        r"[A-ZÀ-ÖØ-ÞĐƠƯ][^\W\d_]{0,3}\s+)*")


def _name_runs(names: list[_Name], text: str) -> list[list[int]]:
    """Indices of names that follow each other with only spaces or particles between: full names."""
    runs: list[list[int]] = []
    for i, n in enumerate(names):
        if runs and _NAME_LINK.fullmatch(text, names[runs[-1][-1]].span[1], n.span[0]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if len(r) >= 2]


# A regnal or papal numeral after a name: "Giovanni Paolo II", "Johannes Paul II.", "Jan Paweł II".
_REGNAL_AFTER = lazy_re.compile(r"[\s\u00a0]+([IVXL]+)\b\.?")


def _regnal(names: list[_Name], text: str) -> set[int]:
    """The names of a run that a Roman numeral closes: a pope's or a monarch's, which each language
    translates (Giovanni Paolo II / Johannes Paul II. / Jan Paweł II); the numeral is compared as a number."""
    out: set[int] = set()
    run: list[int] = []
    for i, n in enumerate(names):
        if run and not _NAME_LINK.fullmatch(text, names[run[-1]].span[1], n.span[0]):
            run = []
        run.append(i)
        numeral = _REGNAL_AFTER.match(text, n.span[1])
        # The numeral alone: stripped of " \u00a0." only, the narrow no-break space French sets
        # before it ("Louis\u202fXIV") stayed in it, and `_roman_value` raised a KeyError.
        if numeral and _roman_value(numeral.group(1), highest=89) is not None:
            out.update(run)
    return out


def _cognates(a: str, b: str) -> bool:
    """One common word in two sister languages, capitalised in a place's name: "Países Bajos" /
    "Países Baixos", "Corea del Sur" / "Coreia do Sul", "Emiratos Árabes Unidos" / "Emirati Arabi
    Uniti". It keeps its first two letters and half of the rest; another person's surname does not
    (Lavrov / Shoigu, Kowalski / Nowak)."""
    x, y = _ascii(a).lower(), _ascii(b).lower()
    return x[:2] == y[:2] and _similarity(x, y) >= 0.5


def _rendered(names: list[_Name], missing: set[int], other: str) -> set[int]:
    """The names of `missing` that a word of the other text renders in its own language."""
    if not missing:
        return set()
    words = [w for w in re.findall(r"[\w'’-]+", other) if len(w) >= 3]
    other_consonants = {c for w in words for c in _rendered_consonants(w)}
    other_keys = {k for k in map(_rendering_key, words) if len(k) >= 6}
    compound_keys = {name_key(w) for w in words if len(w) >= 7}
    out = set()
    # Chinese in syllables joined by hyphens is the older romanisation, which writes pinyin's "d",
    # "g", "b" as "t", "k", "p" (Mao Zedong / Mao Tsé-toung): there voiced and voiceless are one.
    devoiced = {c.translate(_VOICELESS) for w in words for c in _rendered_consonants(w)}
    syllabic = {c.translate(_VOICELESS) for w in words if _SYLLABLES.fullmatch(w) for c in _rendered_consonants(w)}
    for i in missing:
        key = _rendering_key(names[i].text)
        own_devoiced = {c.translate(_VOICELESS) for c in _rendered_consonants(names[i].text)}
        if any(_same_consonants(own, theirs, names[i].key[:1])
               for own in _rendered_consonants(names[i].text) for theirs in other_consonants):
            out.add(i)
        elif own_devoiced & (devoiced if _SYLLABLES.fullmatch(names[i].text) else syllabic):
            out.add(i)
        # A long name one letter off once its ending is gone: a misprint (Cunegund / Cuncgunda).
        elif len(key) >= 6 and any(_similarity(key, k) >= 0.85 for k in other_keys):
            out.add(i)
        # The last part of a compound of the other side: "Club alpin suisse" / "Schweizer AlpenClub".
        elif len(names[i].key) >= 4 and any(k.endswith(names[i].key) and len(k) >= len(names[i].key) + 3
                                            for k in compound_keys):
            out.add(i)
    return out


_VOICELESS = str.maketrans("dgb", "tkp")
_SYLLABLES = lazy_re.compile(r"[^\W\d_]{1,6}(?:-[^\W\d_]{1,6})+")


def _same_consonants(own: str, theirs: str, initial: str) -> bool:
    """One name's rendered consonants and another's. Two alike are kin to too many words unless the
    name opens with the first (Bohemia / Boemia, not Higgins / Hogan: "h" is mute). One more at the
    end of one of them is an ending (Flandes / Fiandre); one inside is another name (Marino / Martini)."""
    if own == theirs:
        return len(own) >= 3 or own[:1] == initial
    return (min(len(own), len(theirs)) >= 3 and abs(len(own) - len(theirs)) == 1
            and (own.startswith(theirs) or theirs.startswith(own)))


@lru_cache(maxsize=1 << 16)
def _rendered_consonants(word: str) -> frozenset[str]:
    """The consonants of a name's rendering keys, in order: a rendering changes the vowels and the
    endings, a look-alike of another name (Brady / Braga, Marino / Martini) a consonant. An "x" is
    "j" in Spanish and "ss" in Italian (Saxony / Sajonia / Sassonia, Mexique / Messico): both."""
    readings = {word}
    if "x" in word.lower():
        readings |= {re.sub("x", "j", word, flags=re.I), re.sub("x", "ss", word, flags=re.I)}
    keys = {_rendering_key(w) for w in readings}
    return frozenset(re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", k)) for k in keys if len(k) >= 4) - {""}


# A program's labels, as the catalogues of Mallard and DocBook help keep them: "Click <gui>Save</gui>" /
# "Cliquez sur <gui>Enregistrer</gui>", "<key>Escape</key>" / "<key>Échap</key>", "<app>Image
# Viewer</app>", "<guilabel>". Translated with the program, their capitals are no names: "Escape"
# against "Échap" was a changed name.
_LABEL_MARKUP = lazy_re.compile(r"<(gui\w*|key\w*|menuchoice|shortcut|accel|app|application)\b[^>]*>.*?</\1\s*>",
                                re.DOTALL)


def _outside_labels(names: list[_Name], text: str) -> list[_Name]:
    if "<" not in text:
        return names
    labels = [m.span() for m in _LABEL_MARKUP.finditer(text)]
    return [n for n in names if not any(a <= n.span[0] < b for a, b in labels)]


_LONG_WORD = lazy_re.compile(r"[^\W\d_]{4,}")


def _title_case(text: str, lang: str) -> bool:
    """`text` is a heading with every word of four letters or more capitalised ("Complex Numbers"):
    its capitals say nothing of names. Not in German, which gives every noun its capital: a line of
    nouns ("Herausgeber Redaktion Schweizer AlpenClub") is no heading by its capitals."""
    if lang in ("de", "lb"):
        return False
    words = _LONG_WORD.findall(text)
    return len(words) >= 2 and all(w[0].isupper() for w in words) and not text.rstrip().endswith((".", "!", "?", "。"))


def _in_common_words(names: list[_Name], i: int, text: str, other: str, counterpart: _Name) -> bool:
    """`names[i]` follows a capitalised word of its run that the other side writes in small letters
    after `counterpart`: "Image Viewer" / "Visor de imágenes", a program's name of common words put in
    the other language's order, not a changed name. A title before a name keeps its place ("Doctor
    Smith" / "docteur Smyth")."""
    if i == 0 or not _NAME_LINK.fullmatch(text, names[i - 1].span[1], names[i].span[0]):
        return False
    before = names[i - 1].key
    after = other[counterpart.span[1]:counterpart.span[1] + 40]
    return any(w[0].islower() and _related(before, name_key(w)) for w in _WORD_RE.findall(after) if len(w) >= 3)


def _name_mismatches(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[FactMismatch]:
    s_names, t_names = _outside_labels(extract_names(src), src), _outside_labels(extract_names(tgt), tgt)
    if not s_names or not t_names:
        return []  # every mismatch below pairs a name of each side
    s_keys, t_keys = _word_keys(src), _word_keys(tgt)
    s_missing = {i for i, n in enumerate(s_names) if n.key not in t_keys and not any(_related(n.key, k) for k in t_keys)}
    t_missing = {j for j, n in enumerate(t_names) if n.key not in s_keys and not any(_related(n.key, k) for k in s_keys)}
    s_missing -= _written_in_parts(s_names, src, t_keys)
    t_missing -= _written_in_parts(t_names, tgt, s_keys)
    s_missing -= _rendered(s_names, s_missing, tgt)
    t_missing -= _rendered(t_names, t_missing, src)
    pairs: list[tuple[int, int]] = []
    excused: set[tuple[int, int]] = set()
    s_regnal, t_regnal = _regnal(s_names, src), _regnal(t_names, tgt)
    title_case = _title_case(src, src_lang) or _title_case(tgt, tgt_lang)

    # A full name that keeps one part and changes the other: "Sergey Lavrov" / "Sergey Shoigu".
    for run_a in _name_runs(s_names, src):
        for run_b in _name_runs(t_names, tgt):
            for ia, i in enumerate(run_a):
                for jb, j in enumerate(run_b):
                    if i in s_missing or j in t_missing or not _related(s_names[i].key, t_names[j].key):
                        continue
                    # Only a kept given name followed by a changed surname: a changed word
                    # *before* a kept name is nearly always a translated title (Maître/Master
                    # Pangloss, Pauvre/Poor Alice, Comment/How Candide in a chapter heading).
                    # Nor after a word in capitals: an acronym or a code is no given name, and the
                    # word after it no surname ("EACCES Search permission..." / "EACCES Brak praw...",
                    # an error's description under its code in a man page, read as a changed name).
                    # Nor after the first word of both sentences that is neither one word nor a given name:
                    # an instruction's verb ("Select" / "Sélectionnez") before a translated label, its
                    # markup gone ("Select Smooth images..." / "Sélectionnez Lisser l'image...").
                    # Nor in a heading in title case ("Complex Numbers" / "Komplexe Zahlen", "Creative
                    # Commons Share Alike" / "Creative Commons Compartir Igual"), where every word has its
                    # capital, after a word that is no given name.
                    no_given = _NAME_FORM_CLASS.get(s_names[i].key) not in _GIVEN_NAME_CLASSES
                    opening = no_given and (s_names[i].initial and t_names[j].initial and s_names[i].key != t_names[j].key
                                            or title_case)
                    if ia + 1 < len(run_a) and jb + 1 < len(run_b) and not opening and not (
                            s_names[i].text.isupper() or t_names[j].text.isupper()):
                        x, y = run_a[ia + 1], run_b[jb + 1]
                        if x in s_missing and y in t_missing and not (s_names[x].text.isupper() or t_names[y].text.isupper()):
                            # After a given name the next word is a surname, which is not translated
                            # as a place's common word is ("Thomas Schmidt" / "Thomas Schubert").
                            given = _NAME_FORM_CLASS.get(s_names[i].key) in _GIVEN_NAME_CLASSES
                            if (x in s_regnal and y in t_regnal) or not given and _cognates(s_names[x].text,
                                                                                             t_names[y].text):
                                excused.add((x, y))  # translated, not changed
                            else:
                                pairs.append((x, y))
                    # A given name changed before a kept surname: "Edward Lavrov" / "Pedro Lavrov".
                    if ia > 0 and jb > 0:
                        x, y = run_a[ia - 1], run_b[jb - 1]
                        if x in s_missing and y in t_missing and _other_given_name(s_names[x].key, t_names[y].key):
                            pairs.append((x, y))

    # A lone name with a near miss on the other side: clearly alike (same first letter, more than
    # half the letters), yet neither a spelling variant nor an exonym, which `_related` excuses.
    # Names that share nothing (Allemagne/Germany) are translations, not changed names: silent.
    for i in sorted(s_missing):
        a = s_names[i]
        if a.initial:
            continue
        for j in sorted(t_missing):
            b = t_names[j]
            if b.initial or a.key[0] != b.key[0] or min(len(a.key), len(b.key)) < 5 or (i, j) in excused:
                continue
            # A near miss in Cyrillic or Greek is what transliteration, or the sister language's
            # spelling, makes of one name (Constantinople / Κωσταντινούπολη, 19 on Candide el's gold
            # pairs; Харьков / Харків); a changed name there is found beside a kept one, above.
            if _NOT_LATIN_LETTERS.search(a.text + b.text):
                continue
            if _in_common_words(s_names, i, src, tgt, b) or _in_common_words(t_names, j, tgt, src, a):
                continue
            if 0.6 <= _similarity(a.key, b.key) < 0.8:
                pairs.append((i, j))

    out: list[FactMismatch] = []
    used_s: set[int] = set()
    used_t: set[int] = set()
    for i, j in pairs:
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        a, b = s_names[i], t_names[j]
        out.append(FactMismatch("name", a.text, b.text, a.span, b.span, f"name {a.text} (source) vs {b.text} (target)"))
    return out


def _country_mismatches(src: str, tgt: str, src_lang: str, tgt_lang: str, found: list[FactMismatch]) -> list[FactMismatch]:
    """Two countries where one was meant ("Iran" / "Irak"), which the name check excuses as one name
    spelt alike; a name already reported is not reported twice."""
    def overlaps(span, other):
        return span is not None and other is not None and span[0] < other[1] and other[0] < span[1]

    out = []
    for a, b in country_mismatches(src, tgt, src_lang, tgt_lang):
        if any(f.kind == "name" and (overlaps(f.src_span, a.span) or overlaps(f.tgt_span, b.span)) for f in found):
            continue
        out.append(FactMismatch("name", a.text, b.text, a.span, b.span, f"country {a.text} (source) vs {b.text} (target)"))
    return out
