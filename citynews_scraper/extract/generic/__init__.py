"""Generic extraction for pages of no known CMS (Chinese news pages first).

One module per concern, each a pure function of the parsed page:

- `vocab`   — the boilerplate and role-word vocabularies (named data, no logic)
- `meta`    — readers for ``<meta>`` tags (og:title, description, published time, author)
- `lines`   — the visible text as lines, with the share of link text
- `zones`   — where the header, body and tail sit among those lines
- `title`   — the article title without the site suffix
- `when`    — the published date from visible datelines and meta tags
- `byline`  — author / source / editor from 作者/记者/来源/责任编辑 lines
- `layout`  — table-layout unwrapping before the body scorer runs
- `density` — the punctuation-density second opinion on the body block
- `body`    — body paragraphs (trafilatura scores the blocks; we pick and clean)
- `clean`   — Chinese-portal boilerplate paragraph cleaning
- `images`  — body images with captions

`citynews_scraper.extract.cms.generic` assembles a `Draft` from them; the rules are in
docs/generic-extraction.md.
"""
