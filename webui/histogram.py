"""The month histogram of a result set as an SVG bar chart: each bar links to that month's results."""
import calendar

from markupsafe import Markup, escape

WIDTH = 600
HEIGHT = 80
GAP = 1


def month_bars(months: list[list], link) -> list[dict]:
    """One bar per month from the first to the last month with results (empty months included):
    {"month", "count", "href"} where href = link(first_day, last_day)."""
    if not months:
        return []
    counts = {month: count for month, count in months}
    first, last = months[0][0], months[-1][0]
    year, month = int(first[:4]), int(first[5:7])
    bars = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        days = calendar.monthrange(year, month)[1]
        bars.append({"month": key, "count": counts.get(key, 0),
                     "href": link(f"{key}-01", f"{key}-{days:02d}")})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return bars


def svg(bars: list[dict], label: str, bar_title) -> Markup:
    """The chart: `label` names it for screen readers; bar_title(bar) is each bar's tooltip."""
    if not bars:
        return Markup("")
    peak = max(bar["count"] for bar in bars) or 1
    step = WIDTH / len(bars)
    parts = [f'<svg class="histogram" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="none" '
             f'aria-label="{escape(label)}">']
    for i, bar in enumerate(bars):
        if not bar["count"]:
            continue
        height = max(2.0, HEIGHT * bar["count"] / peak)
        parts.append(
            f'<a href="{escape(bar["href"])}" data-month="{escape(bar["month"])}"><title>{escape(bar_title(bar))}</title>'
            f'<rect x="{i * step:.2f}" y="{HEIGHT - height:.2f}" width="{max(step - GAP, 1):.2f}" '
            f'height="{height:.2f}"></rect></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
