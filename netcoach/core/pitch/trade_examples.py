"""Example lines per trade, for the structure check's advice: a plumber's advice sounds
like a plumber's pitch. A trade not in the table gets the generic lines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TradeExample:
    """One trade's example answers, each short enough to quote inside one piece of advice."""

    trade: str
    words: tuple[str, ...]  # how people name the trade in their profile, lower case
    who: str  # who you help: a described group with a problem
    service: str  # what you are hired for
    different: str  # a differentiator with a contrast
    story: str  # one client, one detail, one result
    ask: str  # an introduction narrow enough to act on
    hook: str  # a short line to be remembered by


TRADE_EXAMPLES: tuple[TradeExample, ...] = (
    TradeExample(
        "plumber",
        ("plumber", "plumbing", "heating engineer", "gas engineer"),
        "I help landlords with ten or more flats who can't have a tenant without hot water",
        "We fit and service boilers, and fix leaks the same day",
        "Unlike most plumbers, we give a fixed price before we pick up a spanner",
        "Last winter a landlord's boiler died on a Friday night; we had heat back by Saturday 9 am",
        "an introduction to the lettings manager at an estate agent in town",
        "no drips, no surprises",
    ),
    TradeExample(
        "solicitor",
        ("solicitor", "lawyer", "legal", "law firm", "conveyancer", "barrister"),
        "I help families who are buying their first home and dread the paperwork",
        "I handle conveyancing, wills and lasting powers of attorney",
        "Unlike most firms, we quote a fixed fee and call you back the same day",
        "Last month a couple exchanged in four weeks when their last move had taken four months",
        "an introduction to a mortgage broker who works with first-time buyers",
        "the solicitor who calls you back",
    ),
    TradeExample(
        "printer",
        ("printer", "printing", "print"),
        "I help event organisers who need banners and programmes by the end of the week",
        "We print brochures, banners and packaging, from ten copies to ten thousand",
        "Instead of a week's wait, we turn most jobs round in 48 hours",
        "Last week a charity ordered 500 programmes on Monday and handed them out on Wednesday",
        "an introduction to the marketing manager at a conference venue",
        "printed by Thursday, or it's free",
    ),
    TradeExample(
        "florist",
        ("florist", "flowers", "floristry"),
        "I help office managers keep reception looking fresh without thinking about it",
        "I do weekly flowers for offices and the flowers for weddings and events",
        "I'm the only florist in town who collects and composts last week's flowers",
        "One client, a dental practice, says patients talk about the flowers, not the magazines",
        "an introduction to the office manager at a law firm on the high street",
        "fresh every Monday",
    ),
    TradeExample(
        "IT support",
        ("it support", "it services", "managed it", "it consultant", "tech support", "it "),
        "I help offices of ten to fifty people who lose a morning every time the server stops",
        "We look after your computers, email and backups for a fixed monthly fee",
        "Unlike a call centre, you get the same engineer every time, and we answer in an hour",
        "Last month a practice was hit by ransomware and we had them working again by lunchtime",
        "an introduction to the practice manager at a dental surgery or a GP practice",
        "your IT, off your mind",
    ),
    TradeExample(
        "estate agent",
        ("estate agent", "estate agency", "letting agent", "lettings", "property"),
        "I help people who have inherited a house and don't know where to start",
        "We sell and let homes in the town and manage rentals for landlords",
        "Instead of a fixed board outside, we film every home and show it to our buyer list first",
        "Last month a couple sold their flat in nine days, for £8,000 over the asking price",
        "an introduction to a probate solicitor who handles house sales",
        "sold, not just listed",
    ),
    TradeExample(
        "accountant",
        ("accountant", "accountancy", "accounting", "tax adviser", "tax advisor"),
        "I help owner-run firms of five to fifty people who spend their evenings on the books",
        "We do the accounts, VAT and payroll, and a cash-flow forecast every month",
        "Unlike most practices, we meet every client monthly, not once a year at the deadline",
        "Last month a café owner found £4,000 of overpaid VAT and hired a weekend barista",
        "an introduction to the owner of a growing restaurant group",
        "numbers you can sleep on",
    ),
    TradeExample(
        "coach",
        ("coach", "coaching", "mentor", "trainer", "training"),
        "I help new managers who were promoted for being good at the job, not at leading people",
        "I run six one-to-one sessions that turn a good engineer into a manager people follow",
        "Rather than a day in a hotel, it's six hours spread over six weeks, on real problems",
        "One client went from dreading Monday meetings to running them in half the time",
        "an introduction to the HR director of a firm that has just promoted its first managers",
        "leaders, not just bosses",
    ),
    TradeExample(
        "web developer",
        ("web developer", "web designer", "web design", "website", "developer", "digital agency"),
        "We help plumbers, electricians and builders who get no enquiries from their website",
        "We build websites that come up first when someone nearby searches for your trade",
        "Instead of charging for a site and disappearing, we are paid by results for six months",
        "Recently a roofer went from two enquiries a month to three a week after his new site",
        "an introduction to a builders' merchant manager who knows every trade in town",
        "your phone rings, not your web designer",
    ),
    TradeExample(
        "financial adviser",
        (
            "financial adviser",
            "financial advisor",
            "financial planner",
            "wealth",
            "mortgage",
            "pension",
        ),
        "I help people in their fifties who want to know when they can afford to stop work",
        "I plan pensions and investments so retirement has a date and a budget",
        "Unlike a bank, I'm paid a fixed fee, not a commission on what I sell you",
        "Last year a couple found they could retire three years earlier than they had feared",
        "an introduction to an accountant whose clients are selling their business",
        "retire on a date, not a hope",
    ),
    TradeExample(
        "photographer",
        ("photographer", "photography", "videographer", "video"),
        "I help small firms whose website still shows stock photos of people who don't work there",
        "I take staff portraits and product photos, on site, in one morning",
        "Unlike a studio, I come to you and you choose the photos before you leave",
        "Last month a law firm swapped its stock photos for real ones and enquiries rose a third",
        "an introduction to the marketing manager at a firm that is about to relaunch its website",
        "real faces, real business",
    ),
    TradeExample(
        "electrician",
        ("electrician", "electrical", "electrics"),
        "I help shop owners who can't afford to close for a day while the wiring is done",
        "We rewire shops and offices and fit EV chargers and safety lighting",
        "Instead of closing your shop, we work overnight and you open as usual in the morning",
        "Last month we rewired a bakery between closing on Saturday and opening on Monday",
        "an introduction to the facilities manager at a business park",
        "the lights stay on",
    ),
    TradeExample(
        "insurance broker",
        ("insurance", "broker"),
        "I help builders and trades who have been refused cover or quoted a fortune",
        "We find cover for trades, landlords and small firms, and handle the claims",
        "Unlike a comparison site, we fight your claim for you when something goes wrong",
        "Last year a joiner's workshop burned down and we had his claim paid in five weeks",
        "an introduction to a builder who has just taken on his first employee",
        "cover that pays out",
    ),
    TradeExample(
        "bookkeeper",
        ("bookkeeper", "bookkeeping", "payroll"),
        "I help sole traders who keep their receipts in a shoebox and dread January",
        "I keep the books, run payroll and file VAT returns every quarter",
        "Unlike an accountant you see once a year, I'm in your books every week",
        "One client, a hairdresser, found £1,200 of expenses she had never claimed",
        "an introduction to an accountant who has more small clients than time",
        "no more shoebox",
    ),
    TradeExample(
        "recruiter",
        ("recruiter", "recruitment", "headhunter", "staffing"),
        "I help engineering firms of twenty to two hundred people who can't find good welders",
        "We find skilled engineers and welders for manufacturers, usually within two weeks",
        "Rather than sending fifty CVs, we send three people we have met and tested",
        "Last month a fabricator filled two welding jobs in nine days after six months of trying",
        "an introduction to the operations director at a manufacturer that is growing",
        "three CVs, the right one",
    ),
)

GENERIC_EXAMPLE = TradeExample(
    "",
    (),
    "I help owners of small firms who are too busy to chase new customers",
    "We design and print signs for shops and vans, and fit them within the week",
    "Unlike most firms, we answer the phone ourselves, and we quote before we start",
    "Last month one client saved a whole day a week, and used it to win two new contracts",
    "an introduction to the office manager at a firm of twenty people or more",
    "say it once, remember it always",
)


def trade_example(trade: str) -> TradeExample:
    """The example lines for ``trade`` (as written in a profile), or the generic ones."""
    wanted = f" {' '.join(trade.lower().split())} "
    if not wanted.strip():
        return GENERIC_EXAMPLE
    for example in TRADE_EXAMPLES:
        if any(f" {word.strip()} " in wanted for word in example.words):
            return example
    for example in TRADE_EXAMPLES:
        if any(word.strip() in wanted for word in example.words if len(word.strip()) > 3):
            return example
    return GENERIC_EXAMPLE
