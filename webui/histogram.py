"""Monthly histograms as SVG bar charts: each bar links to that month's results."""
import calendar

from markupsafe import Markup

HEIGHT = 120  # px of the tallest bar
TOP = 16  # room for the count above a bar
AXIS = 20  # room for the year labels below
WIDTH = 720


def month_bars(months: list[list], link) -> list[dict]:
    """One bar per month from the first to the last month with results (empty months too):
    {"month", "count", "href"}; href = link(first_day, last_day), None for an empty month."""
    if not months:
        return []
    counts = {month: count for month, count in months}
    year, month = int(months[0][0][:4]), int(months[0][0][5:7])
    bars = []
    while f"{year:04d}-{month:02d}" <= months[-1][0]:
        key = f"{year:04d}-{month:02d}"
        days = calendar.monthrange(year, month)[1]
        count = counts.get(key, 0)
        bars.append({"month": key, "count": count, "href": link(f"{key}-01", f"{key}-{days:02d}") if count else None})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return bars


def svg(bars: list[dict], label: str, bar_title, css_class: str = "histogram") -> Markup:
    """The chart: `label` names it for screen readers, bar_title(bar) is each bar's tooltip;
    years are written under their Januaries, counts above bars wide enough to hold them."""
    if not bars:
        return Markup("")
    peak = max(bar["count"] for bar in bars) or 1
    step = max(6.0, min(40.0, WIDTH / len(bars)))
    width = step * len(bars)
    base = TOP + HEIGHT
    parts = [Markup('<svg class="{cls}" viewBox="0 0 {w:.0f} {h}" width="{w:.0f}" height="{h}" role="group" '
                    'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">')
             .format(cls=css_class, w=width, h=base + AXIS, label=label),
             Markup('<line class="axis" x1="0" y1="{y}" x2="{w:.0f}" y2="{y}"></line>').format(y=base, w=width)]
    for i, bar in enumerate(bars):
        x = i * step
        # a year under its January, and under the first bar unless January follows too closely
        if bar["month"].endswith("-01") or (i == 0 and (13 - int(bar["month"][5:7])) * step >= 36):
            parts.append(Markup('<text class="year" x="{x:.1f}" y="{y}">{year}</text>')
                         .format(x=x, y=base + AXIS - 4, year=bar["month"][:4]))
        if not bar["count"]:
            continue
        height = max(2.0, HEIGHT * bar["count"] / peak)
        count = Markup('<text class="n" x="{x:.1f}" y="{y:.1f}">{n}</text>').format(
            x=x + step / 2, y=base - height - 3, n=bar["count"]) if step >= 14 else Markup("")
        parts.append(Markup('<a href="{href}" data-month="{month}"><title>{title}</title>'
                            '<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"></rect>{n}</a>')
                     .format(href=bar["href"], month=bar["month"], title=bar_title(bar), x=x + 1,
                             y=base - height, w=max(step - 2, 1), h=height, n=count))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
