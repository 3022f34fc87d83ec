"""Password rules: length, no hidden characters, and not easy to guess.

How guessable a password is, is estimated with zxcvbn, with Dutch words (and the
person's own names and the municipality) added to what it knows. The reason given
for a refusal names the weak part in Dutch, never the password itself.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from typing import Any

from veilig_huisbezoek.domain.address import has_control_chars
from veilig_huisbezoek.domain.errors import Message, ValidationError, msg

MIN_PASSWORD_LENGTH = 10
# zxcvbn's score: 0 (trivial) to 4 (very hard); 3 means ~10^8 guesses or more.
MIN_SCORE = 3
# zxcvbn's time grows with the square of the length (up to seconds at 100 characters
# full of l33t look-alikes): only this many characters are estimated.
ESTIMATE_CHARS = 64
ADVICE = msg("Een zin van een paar woorden is sterk en goed te onthouden.")

# Words Dutch people put in passwords that zxcvbn (English lists) does not know.
DUTCH_WORDS: tuple[str, ...] = (
    "wachtwoord",
    "welkom",
    "gemeente",
    "geheim",
    "veilig",
    "huisbezoek",
    "bezoek",
    "zomer",
    "winter",
    "lente",
    "herfst",
    "voorjaar",
    "najaar",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "hallo",
    "liefde",
    "schatje",
    "voetbal",
    "nederland",
    "holland",
    "oranje",
    "inloggen",
    "beheerder",
    "medewerker",
    "gebruiker",
    "kantoor",
    "sleutel",
)

# Name particles are not a name of their own ("van", "de", "der", …).
_PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "la", "le", "du", "da"}
)
_SEPARATORS = re.compile(r"[\s.\-_'’`]+")
_LOCK = threading.Lock()  # zxcvbn keeps the extra words in a module-level dictionary
_OWN_NAME = msg("bevat uw eigen naam of gebruikersnaam, en die zijn makkelijk te raden")
_MUNICIPALITY = msg("bevat de naam van de gemeente, en die is makkelijk te raden")


def _variants(texts: Iterable[str]) -> list[str]:
    """Lower-case forms of names as they end up in passwords: whole, joined, per part."""
    found: dict[str, None] = {}
    for text in texts:
        clean = unicodedata.normalize("NFC", text).strip().lower()
        if not clean:
            continue
        parts = [p for p in _SEPARATORS.split(clean) if p]
        for word in (clean, "".join(parts), *parts):
            if len(word) >= 3 and word not in _PARTICLES:
                found[word] = None
    return list(found)


def _covers(matches: list[dict[str, Any]], token: str) -> bool:
    """True when one match spans (nearly) all of ``token``, e.g. "1234567890"."""
    return any(m["j"] - m["i"] + 1 >= max(3, len(token) * 3 // 4) for m in matches)


def _estimate(sample: str, extra_words: list[str]) -> dict[str, Any]:
    # Imported on first use: zxcvbn's word lists take ~14 MiB, needed only when a
    # password is set (not for logging in or any page that merely lists accounts).
    from zxcvbn import zxcvbn

    with _LOCK:
        result: dict[str, Any] = zxcvbn(sample, user_inputs=extra_words, max_length=len(sample))
    return result


def _without(text: str, words: list[str]) -> str:
    """``text`` with every occurrence of ``words`` (any case) taken out, longest first."""
    longest_first = sorted(words, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in longest_first), re.IGNORECASE)
    return pattern.sub("", text)


def _reason(sequence: list[dict[str, Any]], names: set[str], organisation: set[str]) -> Message:
    """Dutch words for the weakest part zxcvbn found."""
    for match in sequence:
        word = match.get("matched_word", "")
        if match["pattern"] == "dictionary" and word in names:
            return _OWN_NAME
        if match["pattern"] == "dictionary" and word in organisation:
            return _MUNICIPALITY
    longest = max(sequence, key=lambda m: len(m["token"]), default=None)
    if longest is None:
        return msg("is te makkelijk te raden")
    from zxcvbn.matching import sequence_match, spatial_match

    pattern, token = longest["pattern"], longest["token"]
    if pattern == "sequence" or (pattern == "dictionary" and _covers(sequence_match(token), token)):
        return msg("een reeks als 1234 of abcd is makkelijk te raden")
    if pattern == "spatial" or (pattern == "dictionary" and _covers(spatial_match(token), token)):
        return msg("een rij toetsen als qwerty is makkelijk te raden")
    if pattern == "repeat":
        return msg("herhalingen als aaa of abcabc zijn makkelijk te raden")
    if pattern in ("date", "regex"):
        return msg("jaartallen en datums zijn makkelijk te raden")
    if pattern == "dictionary":
        return msg("lijkt op een veelgebruikt wachtwoord en is daardoor makkelijk te raden")
    return msg("is te makkelijk te raden")


def check_password(
    password: str,
    *,
    field: str = "Wachtwoord",
    names: Iterable[str] = (),
    organisation: Iterable[str] = (),
) -> None:
    """Raise ``ValidationError`` (Dutch, naming ``field``) unless the password is good.

    ``names`` are the person's own username, first and last name; ``organisation``
    the municipality's name. Both count as easy to guess, like the Dutch words, and add
    nothing: what is left of the password without them must be strong on its own.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            field,
            msg("minimaal {count} tekens. {advice}", count=MIN_PASSWORD_LENGTH, advice=ADVICE),
        )
    if password.strip() != password or has_control_chars(password):
        raise ValidationError(field, "geen spaties aan begin of eind en geen onzichtbare tekens.")
    if len(set(password)) < 4:
        raise ValidationError(field, "te eenvoudig: gebruik meer verschillende tekens.")
    own = _variants(names)
    town = _variants(organisation)
    extra_words = [*own, *town, *DUTCH_WORDS]
    sample = password[:ESTIMATE_CHARS]
    result = _estimate(sample, extra_words)
    if result["score"] < MIN_SCORE:
        reason = _reason(result["sequence"], set(own), set(town))
        raise ValidationError(field, msg("{reason}. {advice}", reason=reason, advice=ADVICE))
    for words, reason in ((own, _OWN_NAME), (town, _MUNICIPALITY)):
        rest = _without(sample, words) if words else sample
        # Nothing left (the password is only such words): zxcvbn cannot rate "".
        if rest != sample and (not rest or _estimate(rest, extra_words)["score"] < MIN_SCORE):
            raise ValidationError(field, msg("{reason}. {advice}", reason=reason, advice=ADVICE))
