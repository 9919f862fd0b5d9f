"""What the browser tests measure on a page as Chromium lays it out: how far it scrolls sideways, how
far each table overflows its scroll box, the boxes of chart and map labels (and which overlap),
where the first result is, and axe-core's serious and critical findings with the structure checks."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

# How far the page overflows the window, and the elements that stick out of it (for the message).
OVERFLOW_SCRIPT = """() => {
  const width = window.innerWidth;
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !el.closest('.table-wrap, .map__frame')) {
      const name = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '';
      culprits.push(el.tagName.toLowerCase() + name);
    }
  }
  return {overflow: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 8)};
}"""


# Each table in a scroll box: its caption, how far it overflows the box, and the name drawn beside
# its first figure.
TABLES_SCRIPT = """() => [...document.querySelectorAll('.table-wrap')].map((wrap) => {
  const cell = wrap.querySelector('tbody td.num');
  return {
    caption: wrap.querySelector('caption').textContent.trim(),
    overflow: wrap.scrollWidth - wrap.clientWidth,
    label: cell ? getComputedStyle(cell, '::before').content : 'none',
  };
})"""


def tables_on(page, url: str) -> dict[str, dict]:
    page.goto(url)
    return {table["caption"]: table for table in page.evaluate(TABLES_SCRIPT)}


# The choices of the sort and currency selects wider than the select shows them (its width less
# its padding and the arrow's 20 px), measured in the select's own font.
CUT_OPTIONS_SCRIPT = """() => [...document.querySelectorAll('select[name="sort"], select[name="currency"]')]
.flatMap((select) => {
  const style = getComputedStyle(select);
  const context = document.createElement('canvas').getContext('2d');
  context.font = style.font;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
  return [...select.options].map((option) => option.text).filter((text) => context.measureText(text).width > room);
})"""


def cut_options(page, url: str) -> list[str]:
    page.goto(url)
    return page.evaluate(CUT_OPTIONS_SCRIPT)


# The boxes of the elements a selector finds, per chart or map (the ``group`` selector), as the browser draws them.
BOXES_SCRIPT = """([group, selector]) => [...document.querySelectorAll(group)].map((el) =>
  [...el.querySelectorAll(selector)].map((label) => {
    const r = label.getBoundingClientRect();
    return {text: label.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  }))"""


def overlapping(groups: list[list[dict]]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for boxes in groups
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]


# Where the first result's top is, against the window's height; where the keyboard's focus is.
FIRST_RESULT_SCRIPT = """() => ({
  top: document.querySelector('.card').getBoundingClientRect().top,
  height: innerHeight,
  focused: document.activeElement.id,
})"""


def first_result_on_first_screen(page) -> bool:
    where = page.evaluate(FIRST_RESULT_SCRIPT)
    return 0 <= where["top"] < where["height"] - 100  # room for the title, not only the card's edge


AXE = Axe()
# The WCAG 2.0/2.1 A and AA rules and axe's best practices; serious and critical ones fail.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}


# What every page must have, checked in the page itself: the problems, as sentences.
STRUCTURE_SCRIPT = """() => {
  const problems = [];
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
  let previous = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (previous && level > previous + 1) problems.push(`h${level} "${h.textContent.trim()}" follows h${previous}`);
    previous = level;
  }
  for (const selector of ['body > header', 'main#main', 'body > footer']) {
    if (document.querySelectorAll(selector).length !== 1) problems.push(`no single ${selector}`);
  }
  for (const nav of document.querySelectorAll('nav')) {
    if (!nav.getAttribute('aria-label') && !nav.getAttribute('aria-labelledby')) problems.push('a nav without a name');
  }
  for (const table of document.querySelectorAll('table')) {
    const name = table.id || table.className || 'a table';
    if (!table.querySelector(':scope > caption')) problems.push(`${name} has no caption`);
    for (const th of table.querySelectorAll('th')) {
      if (!['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope'))) {
        problems.push(`${name}: th "${th.textContent.trim()}" has no scope`);
      }
    }
  }
  for (const svg of document.querySelectorAll('svg.chart, svg.map__svg')) {
    if (!svg.querySelector(':scope > title') || !svg.querySelector(':scope > desc')) {
      problems.push(`${svg.getAttribute('class')} lacks a title and a description`);
    }
  }
  if (document.querySelector('[style]')) problems.push('an inline style attribute');
  if (document.querySelector('style')) problems.push('an inline style element');
  for (const script of document.querySelectorAll('script')) {
    if (!script.src && script.type !== 'application/json') problems.push('an inline script');
  }
  for (const entry of performance.getEntriesByType('resource')) {
    if (!entry.name.startsWith(location.origin)) problems.push(`${entry.name} loaded from elsewhere`);
  }
  return problems;
}"""


def audit(page, label: str) -> list[str]:
    """Serious and critical axe violations, and missing structure, on the page as it is now."""
    found = []
    results = AXE.run(page, options=AXE_OPTIONS)
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            found.append(f"{label}: axe {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    found.extend(f"{label}: {problem}" for problem in page.evaluate(STRUCTURE_SCRIPT))
    return found
