"""What never leaves the store in a support bundle: customers' phone numbers and names,
business customers' tax ids and bank accounts (also as an invoice request kept them),
leads' phone numbers, contact names and WeChat ids, staff PIN hashes (PINs themselves are never
stored), passwords in database URLs.

`Scrubber.from_database` learns the store's customers and hashes; `scrub` then replaces,
in any text (a log, a settings file):

- every customer's phone number, however it is written (digits with spaces, dashes or
  dots between them), and any Chinese mobile number (11 digits, 1[3-9]...), known or not;
- every customer's name (a trie-shaped regex, so 100,000 names cost one pass);
- every known tax id (as written or in lower case) and bank account (however its digits
  are grouped);
- a lead's phone and contact name, as a customer's, and its WeChat id (as written or in
  lower case);
- every staff PIN hash;
- the password of a URL (``postgresql://user:secret@host`` -> ``user:***@host``), and
  whatever follows the word PIN or password (``pin 1234`` -> ``pin ***``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PHONE = "[phone]"
NAME = "[customer]"
PIN_HASH = "[pin hash]"
TAX_ID = "[tax id]"
BANK_ACCOUNT = "[bank account]"
WECHAT = "[wechat]"
# A run of 5 or more digits with single separators between them (a phone as typed; a
# customer's may be as short as 5 digits).
_DIGIT_RUN = re.compile(r"(?<![\w])\+?\d(?:[ \-.]?\d){4,}(?![\w])")
_MOBILE = re.compile(r"(?:86)?1[3-9]\d{9}")
# What follows the word PIN or password (a PIN is never stored, so never known to scrub
# by its value; a log line that names one is scrubbed by its shape).
_SAID_SECRET = re.compile(r"(?P<word>\b(?:pin|pins|password|passwd|pwd)\b\s*[:=]?\s*)[^\s,;]+",
                          re.I)
_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.\-]*://[^:/@\s]+:)[^@\s]+(?=@)", re.I)


@dataclass
class Scrubber:
    phones: set[str] = field(default_factory=set)  # digits only
    names: set[str] = field(default_factory=set)
    secrets: set[str] = field(default_factory=set)  # replaced wherever they appear
    tax_ids: set[str] = field(default_factory=set)  # upper case
    accounts: set[str] = field(default_factory=set)  # bank accounts, digits only
    wechat: set[str] = field(default_factory=set)  # leads' WeChat ids
    _wechat_re: re.Pattern | None = None
    _names_re: re.Pattern | None = None
    _tax_re: re.Pattern | None = None

    @classmethod
    def from_database(cls, db) -> Scrubber:
        from sqlalchemy import select

        from pos.db.models import Customer, InvoiceRequest, Lead, Staff

        with db.read_connection() as conn:
            customers = conn.execute(select(Customer.phone, Customer.name)).all()
            customers += conn.execute(select(Lead.phone, Lead.contact_name)).all()
            business = conn.execute(select(
                Customer.tax_id, Customer.bank_account, Customer.invoice_phone).where(
                (Customer.tax_id.is_not(None)) | (Customer.bank_account.is_not(None))
                | (Customer.invoice_phone.is_not(None)))).all()
            business += conn.execute(select(InvoiceRequest.tax_id, InvoiceRequest.bank_account,
                                            InvoiceRequest.phone)).all()
            hashes = conn.execute(select(Staff.pin_hash)).scalars().all()
            wechat = conn.execute(select(Lead.wechat).where(Lead.wechat.is_not(None))).scalars().all()
        phones = {digits(p) for p, _ in customers if p and digits(p)}
        phones |= {digits(p) for *_, p in business if p and len(digits(p)) >= 5}
        return cls(phones=phones,
                   names={n.strip() for _, n in customers if n and len(n.strip()) >= 2},
                   secrets={h for h in hashes if h},
                   tax_ids={t.strip().upper() for t, *_ in business if t and len(t.strip()) >= 5},
                   accounts={digits(a) for _, a, _ in business if a and len(digits(a)) >= 5},
                   wechat={w.strip() for w in wechat if w and len(w.strip()) >= 3})

    def scrub(self, text: str) -> str:
        text = _SAID_SECRET.sub(r"\g<word>***", text)
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, PIN_HASH)
        text = _URL_PASSWORD.sub(r"\g<head>***", text)
        if self.wechat:  # before names and digit runs: an id may hold either
            if self._wechat_re is None:
                self._wechat_re = re.compile(trie_pattern(self.wechat), re.I)
            text = self._wechat_re.sub(WECHAT, text)
        if self.tax_ids:  # before the digit runs: a tax id may be all digits
            if self._tax_re is None:
                self._tax_re = re.compile(trie_pattern(self.tax_ids), re.I)
            text = self._tax_re.sub(TAX_ID, text)
        text = _DIGIT_RUN.sub(self._phone, text)
        if self.names:
            if self._names_re is None:
                self._names_re = re.compile(trie_pattern(self.names))
            text = self._names_re.sub(NAME, text)
        return text

    def _phone(self, match: re.Match) -> str:
        """A run of digit groups: the longest spans of whole groups that are a phone
        number or a bank account are replaced (a receipt number and a phone a space apart
        are two)."""
        parts = re.split(r"([ \-.])", match.group())  # groups at even places
        groups, out, i = parts[::2], [], 0
        while i < len(groups):
            for j in range(len(groups), i, -1):
                label = self._label(digits("".join(groups[i:j])))
                if label:
                    out.append(label)
                    i = j
                    break
            else:
                out.append(groups[i])
                i += 1
            if i < len(groups):
                out.append(parts[2 * i - 1])
        return "".join(out)

    def _label(self, number: str) -> str | None:
        if number in self.accounts:
            return BANK_ACCOUNT
        if number in self.phones or _MOBILE.fullmatch(number):
            return PHONE
        return None


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def trie_pattern(words: set[str]) -> str:
    """One regex matching any of `words`, longest first, shaped as a trie (shared
    prefixes are tried once). A word of letters is matched as a whole word."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    # Letters or digits at a name's edge must not continue a longer word (Li in Liberation);
    # CJK names have no spaces to bound them and are matched anywhere.
    return r"(?<![A-Za-z0-9])(?:" + pattern(trie) + r")(?![A-Za-z0-9])"
