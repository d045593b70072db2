"""A parsed sentence's tokens and dependency tree as lists, built once per parse.

The quote rules ask for a token's children hundreds of times per sentence and walk the tokens of a clause
again and again. spaCy's ``Token.children`` walks the token's left and right edges in a generator and makes a
new ``Token`` per child on every call (2-3 µs for a verb), ``Token.subtree`` does so recursively (~15 µs for
a sentence's root), and ``doc[a:b]`` makes a ``Span`` (2-5 µs) and then a ``Token`` per word. ``tokens``,
``children`` (``lefts``, ``rights``) and ``subtree`` return the same tokens, in the same order, from lists made
once; the lists are shared, so callers read them and never change them.

The lists are kept for the last parse asked about only: the rules read one sentence's parse at a time, and
the lists hold their doc's tokens (which hold the doc), so keeping them in ``doc.user_data`` would make every
parse a reference cycle that lives until a full garbage collection. A parse changed in place (``forget``) is
read again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class _Tree:
    """One parse's lists: its tokens, each token's children, and the subtrees asked for so far."""

    doc: Doc | None
    tokens: list[Token]
    children: list[list[Token]]
    subtrees: dict[int, list[Token]] = field(default_factory=dict)  # filled as asked


_last = _Tree(None, [], [])


def tokens(doc: Doc) -> list[Token]:
    """The tokens of ``doc`` as a list (slice it instead of ``doc[a:b]`` to walk a range)."""
    return _tree(doc).tokens


def children(token: Token) -> list[Token]:
    """``token.children`` as a list."""
    return _tree(token.doc).children[token.i]


def lefts(token: Token) -> list[Token]:
    """``token.lefts`` as a list: the children before it."""
    return [child for child in children(token) if child.i < token.i]


def rights(token: Token) -> list[Token]:
    """``token.rights`` as a list: the children after it."""
    return [child for child in children(token) if child.i > token.i]


def subtree(token: Token) -> list[Token]:
    """``token.subtree`` as a list: the left children's subtrees, the token, the right children's."""
    tree = _tree(token.doc)
    found = tree.subtrees.get(token.i)
    if found is None:
        kids = tree.children[token.i]
        found = [t for child in kids if child.i < token.i for t in subtree(child)]
        found.append(tree.tokens[token.i])
        found += [t for child in kids if child.i > token.i for t in subtree(child)]
        tree.subtrees[token.i] = found
    return found


def forget(doc: Doc) -> None:
    """Drop the lists of ``doc``, whose parse was just changed in place."""
    global _last
    if _last.doc is doc:
        _last = _Tree(None, [], [])


def _tree(doc: Doc) -> _Tree:
    """The lists of ``doc``, made when it is not the last doc asked about. The global is read once and the
    tree returned is the one checked or made here, so a thread that replaces ``_last`` meanwhile (two
    documents analyzed at once) costs a rebuild, never another doc's lists."""
    global _last
    tree = _last
    if tree.doc is not doc:
        found = list(doc)
        kids: list[list[Token]] = [[] for _ in found]
        for token in found:
            head = token.head.i
            if head != token.i:
                kids[head].append(token)
        tree = _last = _Tree(doc, found, kids)
    return tree
