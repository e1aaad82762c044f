"""Language and script of a text, from the characters themselves."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

# Characters that exist only in one script and are frequent in news text; a small,
# fixed table keeps detection cheap and deterministic (OpenCC's tables are larger but
# would classify rare shared characters too).
_HANT_ONLY = set("們這個來時會說對國與為學後發們經過還實現點關長問動開門頭話樣業區體東車見將當聽從幾問應讓環機網鄉內鳳凰報導記觀務處總統華產電視間議員條進無運選變義傳聯護並氣帶資達標壓權縣廣歲際類參區舊貌錢辦設導")
_HANS_ONLY = set("们这个来时会说对国与为学后发们经过还实现点关长问动开门头话样业区体东车见将当听从几问应让环机网乡内凤凰报导记观务处总统华产电视间议员条进无运选变义传联护并气带资达标压权县广岁际类参区旧貌钱办设导")
_HANT_ONLY -= _HANS_ONLY
_HANS_ONLY -= _HANT_ONLY


def detect_lang(text: str) -> str | None:
    """`zh-Hans`, `zh-Hant`, `ja`, `ko` or `en` by character statistics; None when unclear.

    >>> detect_lang("萍乡城事网"), detect_lang("萍鄉城事網"), detect_lang("Hello world")
    ('zh-Hans', 'zh-Hant', 'en')
    """
    han = len(_HAN.findall(text))
    if len(_KANA.findall(text)) > max(5, han // 10):
        return "ja"
    if len(_HANGUL.findall(text)) > max(5, han):
        return "ko"
    if han >= 2:
        trad = sum(1 for ch in text if ch in _HANT_ONLY)
        simp = sum(1 for ch in text if ch in _HANS_ONLY)
        return "zh-Hant" if trad > simp else "zh-Hans"
    if len(_LATIN_WORD.findall(text)) >= 2:
        return "en"
    return None
