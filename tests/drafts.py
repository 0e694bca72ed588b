"""What the agreement-type tests read from a Draft: an article's text, the articles, the variant chosen, and
the problems a refused spec gets."""

from __future__ import annotations

import pytest

from ipclauses import SpecError, load_spec
from ipclauses.agreement import plain


def article_text(draft, clause_id: str) -> str:
    """The article's words, a line per paragraph and per item."""
    article = draft.agreement.article(clause_id)
    return "\n".join(plain(p.segments) + "".join("\n" + plain(i.segments) for i in p.items) for p in article.paragraphs)


def clause_ids(draft) -> list[str]:
    return [a.clause_id for a in draft.agreement.articles]


def variant_of(draft, clause_id: str) -> str:
    return next(a.variant_id for a in draft.agreement.articles if a.clause_id == clause_id)


def refusals(data: dict) -> list[tuple[str, str]]:
    """The (JSON pointer, English message) of each problem that refuses the spec."""
    with pytest.raises(SpecError) as caught:
        load_spec(data)
    return [(p.path, p.message) for p in caught.value.errors]
