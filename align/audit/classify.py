"""What kind of thing a reprint adds: web boilerplate, an editor's line, or real content.

A translator auditing a reprint cares first about added *content*; editorial lines (headlines,
source lines, "read more") matter less, and the page furniture a scraper picked up (share
buttons, cookie banners, timestamps) not at all. The rules are plain patterns because these
lines are formulaic, and a wrong "content" is cheap while a wrong "boilerplate" hides a change,
so anything unsure stays "content".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lazy_re
from ..language import (ADDRESS, FINAL_MARKS, FINAL_MARKS_ANYWHERE, FINAL_MARKS_SPACED, FULL_STOPS, NOTE_MARK, has_words,
                        word_count)
from ..model import SEVERITY_ORDER

__all__ = ["SEVERITY_ORDER", "AdditionContext", "classify_addition", "classify_line", "split_metadata_prefix"]



@dataclass(frozen=True)
class AdditionContext:
    """Where the added line sits; every field is optional."""

    position: float | None = None  # 0.0 = first line of the document, 1.0 = last
    paragraph_words: int | None = None  # words in the paragraph the line belongs to
    section_start: bool = False  # first line of the document or of a section
    # The line before is boilerplate by its own words (or inherited that from such a line): a title
    # under "Les plus commentés" is a sidebar link. Not set after a line that is boilerplate only
    # by where it stands: in a novel's last tenth, a short line of dialogue made the next fifteen
    # sentences boilerplate (MAC dev 002, Alice).
    follows_boilerplate: bool = False
    # Written as an item of a list or a row of a table ("- Python 3.10 or later", "(b) modify...;",
    # "| Raised bed | 1 × 2 m |"), or as a line of verse (a line of a stanza): short and without a
    # full stop, but no headline, nor page furniture near the end. A clause of a contract or a
    # requirement of a manual left out was an editorial omission, hidden by --min-severity content;
    # a poem's last lines were boilerplate.
    list_item: bool = False
    # In the paragraph of the line before: "Related articles: Ten things to know. Why your bill is
    # going up." are the titles of one sidebar, full stops and all.
    same_paragraph: bool = False


# How a line ends or counts its sentences, in every script the segmenter knows (language.py).
# A note's mark may follow the full stop ("until 1958.[2]", "arrived.*", "in 1932.¹", "accounts.2"),
# and so may the bracket of an aside the sentence closes: a stage direction left out of a play,
# "(A knock at the door. They freeze.)", was content for its first sentence and a headline for its last.
_ENDS_LIKE_A_SENTENCE = lazy_re.compile(rf"(?:[{re.escape(FINAL_MARKS)}»”\"」』][)\]）]*\s*{NOTE_MARK}?|[^\W\d_][.!?]\d{{1,2}})\s*$")
_SENTENCE_ENDS = lazy_re.compile(rf"[{re.escape(FINAL_MARKS_SPACED)}]+(?:\s|$)|[{FINAL_MARKS_ANYWHERE}]+")
# A line that ends in a full stop states something: unless it stands in the paragraph of the
# boilerplate line before it, no sidebar's link title (those end bare, or in "?" or "!"), and no
# heir to that line. A news page's menu made every one-sentence paragraph of the article under it
# boilerplate, one from the next, and a probe's unrelated articles of one site then differed only
# in "boilerplate". In every script's full stop (language.FULL_STOPS): with its own list here, an
# Urdu, Armenian, Burmese or Khmer article under a menu was furniture all the same.
_STATEMENT_END = lazy_re.compile(rf"[{re.escape(FULL_STOPS)}][»”\"')\]」』]*\s*{NOTE_MARK}?\s*$")
_TRAILING_ADDRESS = lazy_re.compile(rf"\s*(?:{ADDRESS.pattern})[.]?\s*$", re.IGNORECASE)
# ... or breaks off or goes on in the next line (a comma, a colon, a dash), before closing quotes.
_GOES_ON_OR_ENDS = lazy_re.compile(rf"[{re.escape(FINAL_MARKS)},;:，；：、—–-][\s\"'»”’」』]*$")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


_SHARE_WORDS = (
    r"facebook|twitter|x|linkedin|pinterest|whatsapp|telegram|reddit|tumblr|e-?mail|email|print|imprimer|"
    r"share|partager|partagez|tweet|tweeter|copier le lien|copy link|vk|viber|messenger"
)
_SOCIAL = _SHARE_WORDS + r"|instagram|youtube|tiktok|threads|bluesky|mastodon"
_BOILERPLATE_LINE = [
    lazy_re.compile(r"^(?:(?:" + _SHARE_WORDS + r")[\s,|/·•-]*)+$", re.I),
    lazy_re.compile(r"^(?:ok|accept(?:er)?|j['’]accepte|tout accepter|accept all|refuser|reject|fermer|close|menu|"
               r"s['’]abonner|subscribe|newsletter|commentaires?|comments?|répondre|reply|"
               r"les plus (?:commentés|lus|partagés|populaires)|most (?:commented|read|popular|shared)|"
               r"am meisten (?:kommentiert|gelesen)|meistgelesen|meistkommentiert|"
               r"articles? (?:similaires|liés)|related (?:articles|posts)|tags?|étiquettes?)\s*[.!:]?$", re.I),
    # "Share this article on Facebook.", "Partagez cet article sur Twitter ou LinkedIn".
    lazy_re.compile(r"^(?:share|partager|partagez|teilen(?: sie)?)\s+(?:this|cet(?:te)?|ce|diese[nrs]?)\s+"
               r"(?:article|story|page|post|link|lien|artikel|beitrag|seite)"
               r"(?:\s+(?:on|via|sur|auf|per)\s+(?:" + _SHARE_WORDS + r")(?:\s*(?:,|or|and|ou|et|oder|und)\s*(?:"
               + _SHARE_WORDS + r"))*)?\s*[.!:]?$", re.I),
    # A sidebar's heading with its first title ("Related articles: Ten things to know before you
    # travel.", "Articles liés : Dix choses..."), a copyright line, and "Follow us on Facebook": they
    # were boilerplate only as heirs of the menu above them, which made the article under it
    # boilerplate too (see _STATEMENT_END).
    lazy_re.compile(r"^(?:related (?:articles?|posts|stories|content)|articles? (?:similaires|liés|connexes)|"
               r"à lire (?:aussi|également)|more (?:on this|from us)|you (?:may|might) also like|"
               r"verwandte artikel|ähnliche artikel|artículos relacionados|articoli correlati)\s*[:：]", re.I),
    # A copyright line: the year, then its holder's name (a capital) or nothing. "(c) 2024 accounts
    # shall be audited..." is a contract's clause, "Copyright 2019 was a turning point..." a sentence.
    lazy_re.compile(r"^(?:©|\([cC]\)|[cC]opyright|COPYRIGHT)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*[.,]?\s*$|[\s,]+(?:by\s+)?[A-Z0-9©])"),
    # (One separator between two names, so that a line that fails does not try every split of it.)
    lazy_re.compile(r"^(?:follow us|suivez-nous|folgen sie uns|síguenos|seguici|siga-nos)\s+(?:on|sur|auf|en|su|no|nas?)\s+"
               r"(?:" + _SOCIAL + r")(?:(?:\s*[,|/·•-]\s*|\s+)(?:(?:and|et|und|y|e)\s+)?(?:" + _SOCIAL + r"))*\s*[.!]?$",
               re.I),
    # Bare timestamps and unix times.
    lazy_re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"),
    lazy_re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}(?: \d{1,2}[:h]\d{2}(?::\d{2})?)?$"),
    lazy_re.compile(r"^1\d{9}$"),
    # A page's publication stamp: "Publié le 14/10/2024 à 07h12, mis à jour à 18h40", "Updated 14 Oct
    # 2024, 18:40", "Veröffentlicht am 5. Dezember 2026, 10:12 Uhr" (short, with a figure, no sentence).
    # A time of day is what makes it a stamp: "Updated figures show 4.2 %..." is a sentence.
    lazy_re.compile(r"^(?:publié|mis à jour|modifié|published|updated|last updated|posted|veröffentlicht|aktualisiert|"
               r"publicado|actualizado|pubblicato|aggiornato)\b(?=.{0,80}?\d{1,2}(?::\d{2}| ?h ?\d{2}\b|\.\d{2} ?uhr))"
               r"(?:[^.!?]|(?<=\d)\.(?=\s?\w)){0,90}(?:uhr)?$", re.I),
]
# The two phrase lists below are matched on the lower-cased line, not with re.I: Python's engine
# can skip ahead to a possible first letter only in a case-sensitive alternation, and these run
# on every sentence of a book (7x faster on the first list).
_BOILERPLATE_ANYWHERE = lazy_re.compile(
    r"cookies?\b|traceurs|akismet|comment data is processed|données de vos commentaires|"
    r"leave a (?:comment|reply)|laisser un commentaire|laissez un commentaire|post a comment|"
    r"votre adresse (?:e-mail|email|de messagerie) ne sera pas publiée|your email address will not be published|"
    r"exprimés dans les commentaires|expressed in the comments|tous droits réservés|all rights reserved|"
    r"politique de confidentialité|privacy policy|paramétrer vos choix|"
    r"inscrivez-vous à (?:notre|la) (?:[\w'’-]+ ){0,2}(?:newsletter|lettre d['’]information)|"
    r"sign up (?:for|to) (?:our|the) (?:[\w'’-]+ ){0,2}newsletter"
)

_SOURCE_LINE = lazy_re.compile(
    r"^[-–—•*\s]*(?:sources?|crédits?|credits?|photo|foto|fotos|bild|image|imagen|immagine|avec|with|via|quelle|"
    r"fonte|fuente|quellen?|d['’]après|according to|par|by|von|texte|text|traduction|translation|übersetzung|"
    r"traducción|traduzione|auteur|author|autor|autore|写真|图片|圖片|照片|사진|출처|来源|來源|出典|"
    r"المصدر|مصدر|منبع|מקור|πηγή|kaynak)\s*[:：=＝]"
    # a caption that says what the picture shows: "图为…"
    r"|^(?:图为|圖為|图片为|圖片為)",
    re.I,
)
_WITH_AGENCY = lazy_re.compile(r"^[-–—•*\s]*(?:avec|with|mit|par|by|von)\s+(?:l['’])?(?:AFP|AP|Reuters|ATS|DPA|ANSA|EFE|Belga|Bloomberg|Politico)\b", re.I)
_READ_MORE = lazy_re.compile(
    r"\b(?:read more|read also|see also|continue reading|lire aussi|à lire aussi|a lire aussi|lire la suite|"
    r"voir aussi|en savoir plus|lesen sie auch|weiterlesen|mehr zum thema|siehe auch|читайте также)\b|"
    # These (Spanish, Portuguese, Italian, Dutch, Polish, Nordic, Arabic, Persian, Hebrew, Greek,
    # Turkish, Chinese, Japanese, Korean) only as a line's lead with a colon: "Leer más de 500
    # libros al año" is a sentence.
    r"^\s*(?:lee también|lea también|ver también|leer más|leia também|veja também|leggi anche|vedi anche|lees ook|"
    r"czytaj także|czytaj też|läs också|læs også|les også|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|بیشتر بخوانید|"
    r"بخوانید|קראו גם|קרא גם|διαβάστε επίσης|διαβάστε ακόμη|ayrıca okuyun|ilgili haber|"
    r"延伸阅读|延伸閱讀|相关阅读|相關閱讀|相关新闻|相關新聞|関連記事|あわせて読みたい|관련기사|관련 기사)\s*[:：|-]|"
    r"^\s*découvrez\b|^\s*discover\b|"
    r"\b(?:dans|in) (?:un|l['’]|cet|notre|an|the|this|our|einem|unserem) ?(?:article|artikel|dossier|reportage)\b|"
    r"\ba parlé en détail\b|\bwrote in detail\b|\bhas written about\b"
)
# The seeds' longest "read more" line has 29 words; the novels' sentences with such phrases, 35.
READ_MORE_MAX_WORDS = 30
_AGENCIES = (r"dpa|AFP|AP|Reuters|EFE|ANSA|APA|SDA|ATS|Belga|ANP|PAP|KNA|epd|Xinhua|Kyodo|Yonhap|TASS|ČTK|MTI|TT|NTB|"
             r"Ritzau|AA|Anadolu|ТАСС|ИТАР-ТАСС|РИА Новости|Интерфакс|УНИАН|Укринформ|ΑΠΕ-ΜΠΕ|ΑΠΕ|WAFA|SPA|QNA|ONA|MENA|"
             r"IRNA|ISNA|KUNA|BTA|HINA|Tanjug")
_METADATA_PREFIX = lazy_re.compile(
    r"^\s*((?:date|dated|datum|publié(?: le)?|published(?: on)?|mis à jour(?: le)?|updated(?: on)?|"
    r"veröffentlicht(?: am)?|aktualisiert(?: am)?)\s*:?\s*"
    r"\d{4}-\d{1,2}(?:-\d{1,2})?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?)"
    r"(?=\s|$)\s*(.*)$",
    re.I | re.S,
)
# An agency's dateline or credit glued before the first sentence: "Hamburg (dpa) –", "BERLIN
# (Reuters) -", "Badajoz, 4 dic (EFE).-", "(서울=연합뉴스) 김민수 기자 =": an editorial addition where
# only one text has it. Tried only where a bracket, a slash or "=" stands near the start: on every
# sentence, its lazy run was a tenth of the time it takes to read a book's sentences.
_AGENCY_PREFIX = lazy_re.compile(
    r"^\s*([^\W\d_][\w .'’/-]{0,30}?,?\s*(?:\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s*)?"
    r"(?:\((?:" + _AGENCIES + r")\)\s*(?:\.?\s*[–—-]+|:)|/(?:" + _AGENCIES + r")/\.?)"
    r"|\([^()=\n]{1,12}=연합뉴스\)(?:\s*[^=\n]{1,20}기자)?\s*=)"
    r"(?=\s|$)\s*(.*)$",
    re.I | re.S,
)
_AGENCY_MARKS = lazy_re.compile(r"[(/=]")


def split_metadata_prefix(text: str) -> tuple[str, str]:
    """Separate a scraper's metadata glued before a sentence: " date 2023-10 De hauts..." ->
    ("date 2023-10", "De hauts..."); ("", text) when there is none."""
    m = _METADATA_PREFIX.match(text)
    if not m and _AGENCY_MARKS.search(text, 0, 60):
        m = _AGENCY_PREFIX.match(text)
    if not m:
        return "", text
    return m.group(1).strip(), m.group(2).strip()


def _is_boilerplate(line: str) -> bool:
    if any(r.match(line) for r in _BOILERPLATE_LINE):
        return True
    if _BOILERPLATE_ANYWHERE.search(line.lower()):
        return True
    tokens = line.split()
    # A line of hashtags ("#LUE #Russie #les ...").
    tags = sum(1 for t in tokens if t.startswith("#") and len(t) > 1)
    return bool(tokens) and tags >= 2 and tags >= 0.6 * len(tokens)


def _read_more(line: str) -> bool:
    """A "read more" line: a short pointer. A long sentence with such a phrase is prose ("je dois
    par conséquent en savoir plus long", "dans un article d'un journal satirique")."""
    return word_count(line) <= READ_MORE_MAX_WORDS and bool(_READ_MORE.search(line.lower()))


# Thai and Lao end no sentence with a mark: that a line has none says nothing of its being a title.
# Read as one, every Thai sentence left out or added was "editorial", hidden by --min-severity content.
_NO_FULL_STOP_SCRIPT = lazy_re.compile(r"[\u0e01-\u0e7f\u0e80-\u0eff]")


def _is_editorial(line: str, context: AdditionContext | None) -> bool:
    if _SOURCE_LINE.match(line) or _WITH_AGENCY.match(line) or _read_more(line):
        return True
    prefix, rest = split_metadata_prefix(line)
    if prefix and not rest:
        return True
    words = word_count(line)
    # A headline: short, no closing full stop. Inside a long paragraph a short line is a
    # fragment of prose, not a title.
    # A paragraph may end in a bare address ("... More at www.alstara.com"), which no headline does.
    prose = _TRAILING_ADDRESS.sub("", line)
    # (counted only where there is Thai or Lao at all: counting letters of every line was a tenth of a book's audit)
    no_stop_script = bool(_NO_FULL_STOP_SCRIPT.search(line)) and \
        len(_NO_FULL_STOP_SCRIPT.findall(line)) * 2 > sum(ch.isalpha() for ch in line)
    headline = (0 < words <= 20 and not _ENDS_LIKE_A_SENTENCE.search(line) and not line.endswith((",", ";"))
                and not no_stop_script
                and not (prose != line and word_count(prose) >= 5)
                and not (context is not None and context.list_item))
    if headline and context is not None:
        if context.paragraph_words is not None and context.paragraph_words > 40:
            return False
        if context.position is not None and not context.section_start:
            # Near the end of a page, a short untitled line is site furniture (a slogan, a
            # sidebar title): left to the boilerplate rule in classify_addition.
            return context.position < 0.9
    return headline


def classify_addition(text: str, context: AdditionContext | None = None) -> str:
    """"boilerplate", "editorial" or "content" for a line that one version adds."""
    return classify_line(text, context)[0]


def classify_line(text: str, context: AdditionContext | None = None) -> tuple[str, bool]:
    """The category of `text`, and whether a boilerplate line passes that on to the short line
    after it (true unless it is boilerplate only by standing near the end)."""
    line = _norm(text)
    if not line:
        return "boilerplate", True
    if _is_boilerplate(line):
        return "boilerplate", True
    words = word_count(line)
    if context is not None and context.follows_boilerplate and not context.section_start and words <= 25 \
            and len(_SENTENCE_ENDS.findall(line)) <= 1 and (context.same_paragraph or not _STATEMENT_END.search(line)):
        return "boilerplate", True
    if _is_editorial(line, context):
        return "editorial", False
    if context is not None and not context.section_start:
        # A closing quote may follow the full stop: '" As master wishes! "' is dialogue, not furniture;
        # so is a line that opens with a quote or a dash, or breaks off; and a line that ends in a
        # comma, semicolon or colon goes on in the next line ("Alles Rufen nützt nichts :").
        if context.position is not None and context.position >= 0.9 and words <= 6 and not context.list_item \
                and not _GOES_ON_OR_ENDS.search(line) \
                and not re.match(r"[\"'«“„‹—–「『]", line):
            return "boilerplate", False
    if not has_words(line):
        # A scene break ("* * *"), a rule or a table's separator row ("| --- | --- |"): layout, no
        # content to leave out or add. It was "content", the top severity, and tripped --fail-on.
        return "editorial", False
    return "content", False
