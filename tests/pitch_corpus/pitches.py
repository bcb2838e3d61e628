"""Labelled one-minute pitches: the yardstick for the structure check and the filler finder.

Every pitch was written for this set and labelled by hand, by the definitions below and
nothing else (not by what the check happens to find). A label that needed a judgement
carries a ``note`` saying why.

The parts (each is present or absent):

intro
    A self-introduction that gives the speaker's name or a business, brand or product
    name, wherever it comes (a sign-off such as "Anna Clarke, Hawthorn Flowers" at the end
    counts). A job title or a bare trade ("I'm a plumber", "I'm the estate agent") does not.
who_help
    A described group ("small offices with five to thirty staff", "first-time buyers")
    or a defining problem ("people whose heating won't come on"). Bare "clients",
    "people", "businesses", "anyone" or "everyone" do not count. Counted wherever it is
    said, the ask included.
good_at
    What you would be hired for: a service, product, skill or result, stated in words
    (the ask included). A bare job title or trade does not count, nor a service that is
    only implied by the story of an example.
different
    An explicit contrast ("unlike a call centre...", "most advisers... I work the other
    way round") or a concrete differentiator (a fixed fee, the only hand-painted signs).
    Generic quality claims do not count: "we really care", "15 years' experience",
    "great service", "fast turnaround, great prices", "friendly".
example
    One concrete case of the work with a detail or a result (a client, a place, a number,
    an outcome). A hypothetical ("imagine if..."), a client count ("we've helped 300
    families") or the speaker's own life story does not count.
close
    The last sentence or two are a short tagline or memory hook, often the name and the
    business again. A closing question, a joke, thanks on their own, "so yeah, that's
    it" or trailing off is not a close. Thanks after a tagline still leaves the tagline
    within the last two sentences, so it counts.

The ask (one of three kinds):

specific
    A named person or company, a role at a kind of business ("the practice manager at an
    accountancy firm"), or a situation narrow enough to act on ("someone who has just
    bought an older house and needs the wiring checked"), even when it opens with "do
    you know anyone who...".
generic
    Aimed at everyone: "if you know anyone who needs...", "anyone who wants a sign",
    "do you know anyone who needs insurance?", or a call to the whole room to buy
    ("anyone who needs printing, come and talk to me", "bring them to me").
none
    No request for a referral or an introduction at all.

Fillers: for each pitch, the filler and hedging phrases a coach would flag, lower-cased
as spoken, with how many times each occurs. The phrases are those in ``FILLER_PHRASES``.
They count only in their filler or hedging sense: "you know" in "do you know anyone",
"if you know a..." or "you know where I am" is not a filler, nor is "just" meaning
recently, only or barely ("just had a diagnosis", "not just one bank", "just in time"),
"pretty" meaning attractive ("a pretty garden"), "kind of" / "sort of" meaning type
("what kind of business"), or "very" as an adjective ("the very same day").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from netcoach.core.pitch.profile import Profile

AskKind = Literal["specific", "generic", "none"]

# The parts labelled present or absent (the ask is labelled by kind, separately).
PART_LABELS = ("intro", "who_help", "good_at", "different", "example", "close")
ASK_KINDS = ("specific", "generic", "none")
FILLER_PHRASES = (
    "um",
    "uh",
    "er",
    "erm",
    "just",
    "basically",
    "sort of",
    "kind of",
    "maybe",
    "perhaps",
    "i think",
    "i guess",
    "really",
    "very",
    "actually",
    "literally",
    "honestly",
    "you know",
    "quite",
    "a bit",
    "pretty",
    "so yeah",
    "stuff",
    "things like that",
)


@dataclass(frozen=True, slots=True)
class LabelledPitch:
    """One pitch as a networker would say it, with the parts, ask and fillers it has."""

    id: str
    trade: str
    text: str
    parts: dict[str, bool]
    ask: AskKind
    fillers: dict[str, int] = field(default_factory=dict)
    profile: Profile | None = None
    note: str = ""


def _flow(written: str) -> str:
    """The spoken text: lines joined with spaces, a blank line kept as one line break."""
    paragraphs = (" ".join(block.split()) for block in written.strip().split("\n\n"))
    return "\n".join(paragraphs)


def _pitch(
    id: str,
    trade: str,
    written: str,
    present: str,
    ask: AskKind,
    fillers: dict[str, int] | None = None,
    profile: Profile | None = None,
    note: str = "",
) -> LabelledPitch:
    """A pitch whose parts are named in ``present`` (space-separated); the rest are absent."""
    named = present.split()
    unknown = set(named) - set(PART_LABELS)
    if unknown:
        raise ValueError(f"{id}: unknown parts {sorted(unknown)}")
    parts = {key: key in named for key in PART_LABELS}
    return LabelledPitch(id, trade, _flow(written), parts, ask, dict(fillers or {}), profile, note)


PITCHES: tuple[LabelledPitch, ...] = (
    _pitch(
        "plumber-1",
        "plumber",
        """
        Hi everyone, Dave Deacon, Deacon Plumbing and Heating. This week I want to talk about
        boilers, because it's October and the phones are starting to ring with people whose
        heating won't come on. We service and repair all the main makes, and we fit new combi
        boilers, usually in a single day. Last Tuesday a landlord in Headingley rang at eight in
        the morning, tenant with a baby and no hot water, and we had a new boiler in and running
        by four. What makes us different is we give a fixed price before we start and we never
        charge for the call-out. A good referral for me this week is a letting agent who manages
        older houses around Headingley and Hyde Park, someone like Sarah at Parkside Lettings
        would be perfect. Deacon Plumbing, we turn up when we say we will.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Dave Deacon",
            "Deacon Plumbing and Heating",
            "plumber",
            "a letting agent who manages older houses",
        ),
    ),
    _pitch(
        "plumber-2",
        "plumber",
        """
        So, as most of you know I'm the plumber in the room. Leaks, taps, toilets, radiators,
        if it's got water in it I can sort it out. I've been doing this for 15 years and I really
        take pride in my work and I think that's why people keep coming back. If you know anyone
        who needs a plumber, send them my way. Any questions, come and find me at the break.
        Cheers.
        """,
        "good_at",
        "generic",
        {"really": 1, "i think": 1},
        note="'as most of you know' and 'sort it out' are not fillers.",
    ),
    _pitch(
        "plumber-3",
        "plumber",
        """
        Hi, Pete Lomas, Lomas Drains. Blocked? Don't panic, call Pete. Lomas Drains, clear in
        an hour.
        """,
        "intro who_help good_at close",
        "generic",
        note="'Blocked?' is the defining problem (who_help); clearing a drain within the hour "
        "is the service (good_at). 'Call Pete' is a call to the whole room: generic.",
    ),
    _pitch(
        "solicitor-1",
        "solicitor",
        """
        Good morning. My name is Priya Shah and I'm a private client solicitor at Shah & Co. I
        help people put their affairs in order: wills, lasting powers of attorney and, when the
        time comes, probate. Most of the families I see have left it late, usually because
        someone has just had a diagnosis or a fall, and they want it done quickly and without
        fuss. Unlike a lot of firms we quote a fixed fee for probate at the first meeting, so
        nobody gets a surprise bill while they're grieving. This week I'd love an introduction to
        a financial adviser who works mainly with retired couples. Shah & Co, peace of mind in
        plain English.
        """,
        "intro who_help good_at different close",
        "specific",
        profile=Profile(
            "Priya Shah", "Shah & Co", "solicitor", "a financial adviser who works with retirees"
        ),
        note="'Most of the families I see' describes a group, not one case: no example. "
        "'just had a diagnosis' means recently.",
    ),
    _pitch(
        "solicitor-2",
        "employment lawyer",
        """
        Hi, um, so I'm Mark, I'm an employment lawyer at Fairbrook Legal. Basically we advise
        employers, er, mostly small firms with ten to fifty staff, on the things that keep them
        awake at night, disciplinaries, grievances, contracts, all of that. Last month a café
        owner came to us after a member of staff threatened a tribunal and we, um, we got it
        settled in two weeks without it going anywhere near a court. So if you know anyone,
        really anyone, who employs people, then, well, yeah, you know, I'd...
        """,
        "intro who_help good_at example",
        "generic",
        {"um": 2, "er": 1, "basically": 1, "really": 1, "you know": 1},
        note="'if you know anyone' is not a filler; the later 'you know' is.",
    ),
    _pitch(
        "printer-1",
        "printer",
        """
        Hartley Print has been printing in Leeds since 1982 and we do all sorts, business cards,
        leaflets, banners, the big pop-up stands you see at exhibitions. We're not the cheapest
        but we are the quickest: order by noon and it's on your desk the next morning, which is
        why event organisers use us when something arrives just in time or, more often, just too
        late. Two weeks ago the Royal Armouries needed 400 programmes reprinted overnight because
        of a typo on the front, and they had them by nine. I'm looking for an introduction to
        the marketing manager at the new Aire Street events venue. I'm Tom, Hartley Print,
        printed by tomorrow.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Tom Hartley", "Hartley Print", "printer", "an events venue's marketer"),
        note="'just in time' and 'just too late' are not hedges.",
    ),
    _pitch(
        "printer-2",
        "printer",
        """
        Hi everyone, I'm Jo from Inkwell Printing. We print anything you need, cards, flyers,
        posters, you name it, good quality at a fair price. Anyone who needs printing, come and
        talk to me. Thanks.
        """,
        "intro good_at",
        "generic",
    ),
    _pitch(
        "florist-1",
        "florist",
        """
        So, flowers. Everyone thinks of us for weddings and funerals and yes we do those, but the
        part of my business that's growing fastest is corporate, fresh arrangements in hotel
        lobbies, offices and restaurants, changed every week so they never look tired. A good
        referral for me is the office manager or the general manager of a boutique hotel,
        somebody who looks at their reception every morning and thinks it could look better.
        Last spring we started doing the lobby at The Grange in Harrogate and their manager told
        me guests now photograph the flowers before they check in. Anna Clarke, Hawthorn
        Flowers, we make first impressions.
        """,
        "intro who_help good_at example close",
        "specific",
        note="The name and business come only in the sign-off, which counts as the intro. "
        "Weekly changes are a feature, not a contrast: no differentiator.",
    ),
    _pitch(
        "florist-2",
        "florist",
        """
        Hi all, so I do the flowers, as most of you know. Weddings, funerals, birthdays, the
        lot, and I literally love every minute of it honestly. I think flowers just make people
        happy, don't you? If anyone's got a wedding coming up, maybe think of me. And who doesn't
        love flowers?
        """,
        "good_at",
        "generic",
        {"literally": 1, "honestly": 1, "i think": 1, "just": 1, "maybe": 1},
        profile=Profile("Grace Lee", "Petal & Stem", "florist", "a wedding planner in York"),
        note="'anyone's got a wedding coming up' is aimed at the whole room: generic.",
    ),
    _pitch(
        "it-support-1",
        "IT support",
        """
        Morning everyone, Raj Patel, ByteSafe IT.

        We look after the computers, email and backups for small offices, mostly accountants and
        solicitors with between five and thirty people, for a flat monthly fee per desk.

        The thing we do differently is we don't sell hours: if something breaks you ring us and
        it's fixed, no meter running, so our clients actually call us early instead of waiting
        until it's a disaster.

        Last month a practice in Otley got hit by ransomware on a Friday afternoon and because
        we'd set up their backups they were working again on Monday morning, nothing lost,
        nothing paid.

        This week I'd like to meet Helen Moss, the practice manager at Moss & Grey accountants in
        Ilkley. If anyone knows her I'd really appreciate an introduction.

        ByteSafe: we keep the lights on.
        """,
        "intro who_help good_at different example close",
        "specific",
        {"actually": 1, "really": 1},
    ),
    _pitch(
        "it-support-2",
        "IT support",
        """
        Hi, I'm Steve, I fix computers. Imagine you walk into the office on Monday and nothing
        works, the printer's dead, the email's down and your whole team is sat there twiddling
        their thumbs. That's where I come in. I've been in IT for over twenty years and I pride
        myself on great service. So if you know anyone who has a computer, and let's face it
        that's everyone, give them my number. Have you tried turning it off and on again?
        """,
        "intro good_at",
        "generic",
        note="'Imagine you walk in' is a hypothetical, not an example; the close is a joke.",
    ),
    _pitch(
        "it-support-3",
        "IT support",
        """
        Hi everyone, Kevin, Kestrel IT. We're kind of the IT department for small charities, and
        we know exactly what kind of budget a charity has, which is usually not much. We set up
        Microsoft 365 on the free charity licences, which a lot of charities don't know they can
        get, and we just look after it for a small monthly fee. Last year we moved a chain of
        hospice shops in Harrogate onto it just in time for their funding review and saved them
        six thousand pounds a year. If you know a trustee or a manager at a small charity, I'd
        love to buy them a coffee. Kestrel IT, doing more with less.
        """,
        "intro who_help good_at example close",
        "specific",
        {"kind of": 1, "just": 1},
        note="'what kind of budget' and 'just in time' are not fillers; the first 'kind of' "
        "and 'we just look after it' are. The free licences are the charities' own, not "
        "something that sets Kestrel apart.",
    ),
    _pitch(
        "estate-agent-1",
        "estate agent",
        """
        Good morning everyone, Lucy Ward from Ward and Hill. We sell and let houses in Chapel
        Allerton and Roundhay, and the part of the job I'm best at is the difficult sale, the
        house that's been on with another agent for six months and hasn't moved. We only take on
        thirty homes at a time so every seller gets me, not a junior. In March we sold a four-bed
        on Street Lane in nine days after it had sat unsold for most of last year, we
        re-photographed it, re-priced it by five thousand and had three offers that weekend. A
        good referral for me is a probate solicitor who deals with estates that include a house
        in North Leeds. Ward and Hill, sold, not sitting.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Lucy Ward", "Ward and Hill", "estate agent", "a probate solicitor"),
    ),
    _pitch(
        "estate-agent-2",
        "estate agent",
        """
        Hi everyone. So yeah, it's been a busy week, the market's picking up a bit, um, I'm the
        estate agent, so yeah, you know where I am. That's it really.
        """,
        "",
        "none",
        {"so yeah": 2, "a bit": 1, "um": 1, "really": 1},
        note="'you know where I am' means 'you can find me', not a filler.",
    ),
    _pitch(
        "lettings-1",
        "lettings agent",
        """
        Hi everyone, it's Natalie from Key Lettings. We manage rental properties, finding
        tenants, collecting rent, repairs, inspections, all of it. So this week I'd really like
        to meet Andrew Kaye at Kaye Developments, I hear he's got twenty new flats coming up in
        Armley and, um, I'd love to talk to him about letting them. So yeah.
        """,
        "intro good_at",
        "specific",
        {"really": 1, "um": 1, "so yeah": 1},
    ),
    _pitch(
        "accountant-1",
        "accountant",
        """
        Hello, I'm Ian Brooks of Brooks Accountancy. We do accounts, tax returns and payroll for
        sole traders and small limited companies, the kind of business where the owner does the
        books at midnight on a Sunday. I've got fifteen years' experience and we really do care
        about our clients. If you know anyone who needs an accountant, please pass on my card.
        Brooks Accountancy: your numbers, sorted.
        """,
        "intro who_help good_at close",
        "generic",
        {"really": 1},
        note="'the kind of business' is not a filler.",
    ),
    _pitch(
        "accountant-2",
        "accountant",
        """
        So I'm an accountant, and I know, I know, stop yawning at the back. The clients I enjoy
        most are tradespeople who've just gone from sole trader to limited company and have no
        idea what a director's loan account is. Last year a roofer came to me owing HMRC eleven
        thousand pounds he didn't know about, and we got it down to a payment plan he could
        manage and his next return in early. What I'm after this week is an introduction to a
        bookkeeper who works with builders and would like someone to send the year-end work to.
        Thank you.
        """,
        "who_help good_at example",
        "specific",
        note="The service is named only in the ask ('the year-end work'), which counts for "
        "good_at. 'just gone from' means recently.",
    ),
    _pitch(
        "accountant-3",
        "accountant",
        """
        Morning. This week I'm after an introduction to the finance director at Marsden Foods in
        Batley, I'd like to talk to them about something I think could save them a lot of money.
        If anyone knows them, that would be brilliant. Cheers.
        """,
        "",
        "specific",
        {"i think": 1},
    ),
    _pitch(
        "coach-1",
        "business coach",
        """
        Hi everyone, I'm Karen, and I'm a business coach with Clear Path Coaching. Um, so
        basically what I do is I sort of help business owners who feel a bit stuck, you know,
        they've kind of hit a ceiling and they're not really sure what's next. I think a lot of
        us have been there, honestly.

        I work one to one and in small groups, and, er, I guess
        what's different about me is I really care about my clients. So if anyone wants to grow
        their business, maybe have a chat with me.

        Thanks everyone.
        """,
        "intro who_help good_at",
        "generic",
        {
            "um": 1,
            "basically": 1,
            "sort of": 1,
            "a bit": 1,
            "you know": 1,
            "kind of": 1,
            "really": 2,
            "i think": 1,
            "honestly": 1,
            "er": 1,
            "i guess": 1,
            "maybe": 1,
        },
        profile=Profile("Karen Bell", "Clear Path Coaching", "business coach", ""),
        note="'what's different about me is I really care' is announced as a difference but is "
        "a generic claim: not a differentiator.",
    ),
    _pitch(
        "coach-2",
        "business coach",
        """
        Three years ago a joiner in Wakefield told me he was working seventy hours a week and
        taking home less than his apprentice. Today he runs two vans, works four days and takes
        Fridays off with his kids.

        That's what I do: I help trades businesses stop being the
        bottleneck in their own company, with a twelve-week programme that puts prices, systems
        and hiring in place. I only work with trades, nobody else, so I know your numbers before
        you show them to me. This week I'm looking for a builders' merchant branch manager who'd
        let me run a breakfast talk for their trade customers. Gary Holt, Holt Coaching: less
        van, more life.
        """,
        "intro who_help good_at different example close",
        "specific",
        note="The intro is only the sign-off at the end.",
    ),
    _pitch(
        "sales-trainer-1",
        "sales trainer",
        """
        Most sales training teaches you to talk. I teach people to shut up. I work with engineers
        and accountants who've been promoted into sales and hate every minute of it, and I show
        them that asking good questions sells far better than a slick presentation. Say less,
        sell more.
        """,
        "who_help good_at different close",
        "none",
    ),
    _pitch(
        "web-developer-1",
        "web developer",
        """
        Hi, so I build websites. WordPress, Shopify, things like that, and I also do SEO and a
        bit of social media stuff. Pretty much any business these days needs a website, right?
        Imagine a customer searches for you at ten at night and finds nothing, or worse, a site
        from 2009. I'm quick, I'm affordable and I'm easy to work with. So if you know anyone
        who needs a website, I'm your guy. So yeah that's it.
        """,
        "good_at",
        "generic",
        {"things like that": 1, "a bit": 1, "stuff": 1, "pretty": 1, "so yeah": 1},
        note="'Pretty much' hedges; 'quick, affordable, easy' are generic claims.",
    ),
    _pitch(
        "web-developer-2",
        "web developer",
        """
        Northlight Studio builds booking websites for independent hotels and guest houses that
        are tired of paying fifteen percent to the big booking sites on every room. Our sites
        take the booking and the deposit directly, and they work properly on a phone. The Old
        Vicarage in Malton switched to us in January and by June a third of their bookings were
        direct, which saved them about four thousand pounds in commission. A good referral for me
        is the owner of a family-run hotel with fewer than twenty rooms, anywhere in North
        Yorkshire.
        """,
        "intro who_help good_at example",
        "specific",
        profile=Profile(
            "Nadia Karim", "Northlight Studio", "web developer", "an owner of a family-run hotel"
        ),
        note="The business name opening the pitch is the intro. Direct booking is set against "
        "the booking sites, not against other web developers: not a differentiator.",
    ),
    _pitch(
        "web-developer-3",
        "web developer",
        """
        Hi, I'm Leon from Pixel Forge. We build online shops for makers, people who make candles,
        ceramics or prints at the kitchen table and want to sell more than a few on Etsy. Do you
        know anyone who makes something and wants to sell it online? Pixel Forge: your craft,
        your shop.
        """,
        "intro who_help good_at close",
        "generic",
        note="'Do you know anyone who makes something' is aimed at the whole room.",
    ),
    _pitch(
        "bookkeeper-1",
        "bookkeeper",
        """
        Hi, Sue, bookkeeper. Receipts in a shoebox? Bring them to me. Sue's Books, from shoebox
        to sorted.
        """,
        "intro who_help good_at close",
        "generic",
        note="'Receipts in a shoebox?' is the defining problem; sorting them into books is the "
        "service. 'Bring them to me' is a call to everyone: a generic ask.",
    ),
    _pitch(
        "bookkeeper-2",
        "bookkeeper",
        """
        So this week I want to talk about Making Tax Digital, because from April a lot of
        landlords and sole traders with income over fifty thousand are going to have to send
        quarterly updates to HMRC and honestly most of them have no idea. I set up the software,
        I do the quarterly submissions and I keep the books tidy so the year end is painless.
        What I'd really love is an introduction to a letting agent with a lot of self-managing
        landlords on their books, or someone like Mike at Castle Lettings if anyone knows him,
        and, um, yes, I suppose that's...
        """,
        "who_help good_at",
        "specific",
        {"honestly": 1, "really": 1, "um": 1},
        profile=Profile(
            "Linda Shaw", "Shaw Bookkeeping", "bookkeeper", "a letting agent with landlords"
        ),
        note="Neither the name nor the business is said, even though the profile has them.",
    ),
    _pitch(
        "financial-adviser-1",
        "financial adviser",
        """
        Good morning, I'm Helen Park, chartered financial planner at Park Wealth. We help people
        plan for retirement, invest sensibly and pass on what they've built without handing half
        of it to the taxman. We've helped over three hundred families in Yorkshire and we're very
        proud of our five-star reviews. If you know anyone who's thinking about their pension,
        please do send them my way. Park Wealth: plan today, relax tomorrow. Thank you.
        """,
        "intro good_at close",
        "generic",
        {"very": 1},
        profile=Profile(
            "Helen Park", "Park Wealth", "financial adviser", "an accountant of business sellers"
        ),
        note="'people' is bare and 'three hundred families' is a client count, not a group "
        "or an example. The tagline is within the last two sentences.",
    ),
    _pitch(
        "financial-adviser-2",
        "financial adviser",
        """
        Hi everyone, Omar from Keel Financial. Most advisers want you once you've got a big pot
        of money. I work the other way round: I look after people in their thirties and forties
        who've got three old workplace pensions, a mortgage and two kids, and no idea whether any
        of it adds up. I charge a flat fee, not a percentage, so my advice is the same whatever
        you end up doing. This week I'm looking for an HR manager at a company of a couple of
        hundred staff who'd like a lunchtime pensions talk for their team. Who here has actually
        checked their own pension this year?
        """,
        "intro who_help good_at different",
        "specific",
        {"actually": 1},
    ),
    _pitch(
        "photographer-1",
        "photographer",
        """
        Hi, um, I'm Ellie and I'm a photographer. I do headshots, weddings, products, pretty much
        anything really. Have you ever looked at someone's LinkedIn and their photo is a blurry
        holiday snap from 2012? Imagine if everyone in this room had a proper headshot. I'm quite
        flexible and I'm really friendly so people feel relaxed. So if anyone needs photos, just
        let me know.
        """,
        "intro good_at",
        "generic",
        {"um": 1, "pretty": 1, "really": 2, "quite": 1, "just": 1},
    ),
    _pitch(
        "photographer-2",
        "photographer",
        """
        Ben Ortiz, Ortiz Studio. I photograph factories, machines and the people who run them,
        for manufacturers who need their website and brochures to look like the serious
        engineering firms they are. I've spent ten years doing it. What kind of photos? Welding
        sparks at a thousandth of a second, a forklift driver who's been there thirty years, a
        CNC machine that costs more than my house. Last autumn I shot Fenton Castings in
        Sheffield and the pictures went on the cover of the trade magazine and into a tender they
        won. This week I'd like to meet the marketing manager at Burnside Engineering in
        Rotherham. Ortiz Studio, we make metal look good.
        """,
        "intro who_help good_at example close",
        "specific",
        profile=Profile(
            "Ben Ortiz", "Ortiz Studio", "photographer", "a marketing manager at a manufacturer"
        ),
        note="A specialism and ten years are not a stated contrast. 'What kind of photos' is "
        "not a filler.",
    ),
    _pitch(
        "videographer-1",
        "videographer",
        """
        Hi everyone, Sam Okafor, Reel North. We make short videos for businesses, the
        thirty-second kind that people actually watch to the end on Instagram. In September we
        made a forty-second film for a bike shop in Ilkley showing a wheel being built by hand,
        and it got a hundred and twenty thousand views and sold out their winter servicing slots
        in a week. I'd love an introduction to Tom Barker, who owns the Grove Brewery in Otley.
        Reel North, short films, long memories.
        """,
        "intro good_at example close",
        "specific",
        {"actually": 1},
        note="'businesses' is bare: no who_help.",
    ),
    _pitch(
        "electrician-1",
        "electrician",
        """
        Right, so electrics. The difference between me and most sparkies is I actually answer the
        phone, and I turn up with the parts on the van instead of coming back Thursday. I do
        rewires, consumer units, EV chargers and the safety certificates landlords need every
        five years. I'm fully qualified and NICEIC registered. Why did the electrician get sent
        home? He was shocking. I'll get my coat.
        """,
        "good_at different",
        "none",
        {"actually": 1},
        note="Landlords are named only as the ones who need certificates, as part of the list "
        "of services, not as who he helps. The close is a joke.",
    ),
    _pitch(
        "electrician-2",
        "electrician",
        """
        Hi everyone, Asha, Reid Electrical. I'm one of the few female electricians in Leeds, and
        a lot of my customers are older women living on their own who would rather not have a
        strange man in the house all day. I do rewires, fuse boards and lighting. A few weeks ago
        I rewired a bungalow in Moortown for a lady of eighty-two who'd just lost her husband; we
        did it room by room so she never had to move out. Do you know anyone who has just bought
        an older house and needs the wiring checked before they move in? Or a kitchen fitter who
        needs an electrician they can rely on? Reid Electrical, power to the people.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Asha Reid", "Reid Electrical", "electrician", "a kitchen fitter"),
        note="'Do you know anyone who has just bought an older house' is narrow enough to act "
        "on: specific. Both 'just's mean recently.",
    ),
    _pitch(
        "solar-installer-1",
        "solar installer",
        """
        Hi everyone. So, electricity prices. A farm outside Thirsk came to us in March spending
        nine hundred pounds a month on power for its dairy, and since we put sixty panels and a
        battery on the barn roof in May its bill has been under two hundred. We put solar and
        batteries on farms and rural businesses with big roofs and big bills. We don't
        subcontract anything, the people who quote are the people who climb on your roof, so
        nothing gets lost between the salesman and the installer. Thanks, everyone.
        """,
        "who_help good_at different example",
        "none",
    ),
    _pitch(
        "insurance-broker-1",
        "insurance broker",
        """
        Good morning everyone, so I'm in insurance, and I know that's not the most exciting thing
        you'll hear this morning. We do business insurance, home, landlord, fleet, basically
        whatever you need covering. We've looked after over two thousand clients and we really
        pride ourselves on our service. So do you know anyone who needs insurance? That's
        everyone, isn't it? Please think of me.
        """,
        "good_at",
        "generic",
        {"basically": 1, "really": 1},
        note="'do you know anyone who needs insurance' is aimed at everyone; 'you know' there "
        "is not a filler.",
    ),
    _pitch(
        "insurance-broker-2",
        "insurance broker",
        """
        Hi all, Chris Dunn, Dunn Brokers.

        We arrange insurance for haulage and logistics firms,
        from one lorry up to sixty. Unlike a call centre, you get one broker, me, and when a
        driver has an accident at two in the morning on the M62, it's my mobile that rings.

        In August one of our hauliers had a trailer stolen with forty thousand pounds of electricals
        on board and we had the claim paid in eleven days. A good referral is the owner of a
        haulage firm with ten or more lorries whose renewal is coming up in the next three
        months.

        Dunn Brokers, we keep you rolling.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Chris Dunn", "Dunn Brokers", "insurance broker", "a haulage firm owner"),
    ),
    _pitch(
        "recruiter-1",
        "recruiter",
        """
        Hi everyone, I'm Dan from Peak Talent. We're a recruitment agency specialising in finance
        roles, so accountants, credit controllers, finance directors, for companies in Manchester
        and the North West. Honestly the market's been very tough this year, and I think a lot
        of businesses are struggling to find good people. We really go the extra mile for our
        candidates and clients. If anyone is hiring, or knows someone who's looking for a new
        role, I'd love to chat. Thanks guys.
        """,
        "intro who_help good_at",
        "generic",
        {"honestly": 1, "very": 1, "i think": 1, "really": 1},
        note="'companies in Manchester and the North West' hiring for finance roles is a "
        "described group.",
    ),
    _pitch(
        "recruiter-2",
        "recruiter",
        """
        So last week I placed a head chef with a gastropub in Otley that had been without one for
        four months, and the owner sent me a bottle of champagne, which was nice. It's been a good
        month actually. Anyway, this week I'm looking for restaurant owners who need kitchen
        staff. Erm, that's me.
        """,
        "who_help example",
        "specific",
        {"actually": 1, "erm": 1},
        note="The group is named only in the ask. Recruiting is only implied by the example: "
        "no good_at. 'restaurant owners who need kitchen staff' is a kind of business with a "
        "need, narrow enough to act on.",
    ),
    _pitch(
        "hr-consultant-1",
        "HR consultant",
        """
        Hello, I'm Fiona Walsh and I run Walsh HR. I'm the HR department for companies that are
        too small to have one, usually between twenty and a hundred staff: contracts, handbooks,
        sickness, the difficult conversations. I think what makes me different is that I've run
        a business myself, so I know an HR policy has to work on a Friday afternoon, not just look
        good in a folder. If you know a managing director who's just had their first tribunal
        claim, or is dreading one, I'd really like to meet them. Walsh HR, the people bit,
        sorted.
        """,
        "intro who_help good_at different close",
        "specific",
        {"i think": 1, "really": 1},
        profile=Profile(
            "Fiona Walsh", "Walsh HR", "HR consultant", "a managing director of a small company"
        ),
        note="'not just look good' means merely and 'just had' means recently: not fillers. "
        "'If you know a managing director' is not a filler either.",
    ),
    _pitch(
        "interior-designer-1",
        "interior designer",
        """
        Hi everyone, Maya Fox of Fox Interiors. I design the insides of homes for busy couples
        who've bought a lovely house and then can't decide on a single paint colour for two
        years. I do the whole thing, the plan, the colours, the furniture, the curtains, and I
        manage the trades so you don't have to. A pretty room is easy; a room that works for two
        kids, a dog and a home office is the hard part, and that's my bit. So if you know anyone
        who's moving house or doing up a room, I'd love to hear from them. Fox Interiors, rooms
        that work as hard as you do.
        """,
        "intro who_help good_at different close",
        "generic",
        profile=Profile(
            "Maya Fox", "Fox Interiors", "interior designer", "a developer converting offices"
        ),
        note="The pretty-room / working-room contrast counts as different. 'A pretty room' "
        "and 'my bit' are not fillers. Moving house or doing up a room is too broad: generic.",
    ),
    _pitch(
        "interior-designer-2",
        "interior designer",
        """
        So I'm an interior designer, and I just wanted to tell you about a job we finished last
        week. It was a tiny two-up two-down in Saltaire, the owner wanted it to feel bigger, and
        we basically took out a wall, put in a glass door to the yard and painted everything the
        same warm white, and honestly it feels twice the size. She cried when she saw it. Anyway
        it was a really lovely project and, um, yeah, I'll, I'll leave it there, I think.
        """,
        "example",
        "none",
        {"just": 1, "basically": 1, "honestly": 1, "really": 1, "um": 1, "i think": 1},
        note="The service is only implied by the story: no good_at.",
    ),
    _pitch(
        "garden-designer-1",
        "garden designer",
        """
        So, gardens. I design and build small city gardens, the ones that are twelve metres by
        six with a shed nobody's opened since 2015. What I'm good at is making a small space feel
        like a room you want to sit in, with planting that looks after itself because most of my
        clients haven't got time to weed. I'd like to be introduced to an estate agent who sells
        terraced houses in Meanwood, because a pretty garden adds thousands to the asking price.
        Green Room Gardens: step outside.
        """,
        "intro who_help good_at close",
        "specific",
        note="The business is named only in the closing tagline, which counts as the intro. "
        "'a pretty garden' is not a filler.",
    ),
    _pitch(
        "mortgage-broker-1",
        "mortgage broker",
        """
        Morning all, I'm Paul Green from Green Mortgages. I help first-time buyers and
        self-employed people get a mortgage, especially the ones the high street banks have
        already turned down.

        A couple of weeks ago a self-employed hairdresser with only eighteen
        months of accounts came to me after two banks said no, and she picked up the keys to her
        flat in Kirkstall last Friday. This week I'd like an introduction to the sales manager at
        the Kirkstall Forge new-build development.

        Green Mortgages, we find a way.
        """,
        "intro who_help good_at example close",
        "specific",
        profile=Profile(
            "Paul Green", "Green Mortgages", "mortgage broker", "a new-build sales manager"
        ),
        note="Taking on people the banks turned down is who he helps, not a contrast with other "
        "brokers: no differentiator.",
    ),
    _pitch(
        "mortgage-broker-2",
        "mortgage broker",
        """
        Hi, um, I'm a mortgage adviser, I do residential, buy to let, remortgages, all that
        stuff. I'm independent so I can look at the whole market, not just one bank. Rates are
        changing all the time at the moment, so honestly if you know anyone who needs a
        mortgage, maybe get them to give me a call. Did anyone see the Bank of England news this
        week?
        """,
        "good_at different",
        "generic",
        {"um": 1, "stuff": 1, "honestly": 1, "maybe": 1},
        note="'not just one bank' means only: not a filler.",
    ),
    _pitch(
        "physiotherapist-1",
        "physiotherapist",
        """
        Hi everyone, I'm Claire from Move Well Physio in Chapel Allerton. I treat runners,
        cyclists and desk workers with back, knee and shoulder pain. Most physios give you a
        sheet of exercises and send you off; I film your session on your phone so you've got
        your own exercises, done properly, to follow at home. If anyone in the room has a niggle
        they've been ignoring, come and see me, the first assessment is free this month. Move
        Well: back to doing what you love.
        """,
        "intro who_help good_at different close",
        "generic",
        note="'anyone in the room has a niggle' is aimed at everyone.",
    ),
    _pitch(
        "physiotherapist-2",
        "physiotherapist",
        """
        So I'm a physio, I've been qualified for twelve years and I've treated literally
        thousands of patients, everything from sports injuries to, um, people recovering from
        hip operations. People always ask me what kind of physio I am and the answer is, sort of,
        all kinds really. I'm very passionate about helping people get back to full fitness.
        Thanks for listening.
        """,
        "good_at",
        "none",
        {"literally": 1, "um": 1, "sort of": 1, "really": 1, "very": 1},
        note="'thousands of patients' is a count; 'what kind of physio' is not a filler.",
    ),
    _pitch(
        "caterer-1",
        "caterer",
        """
        If your meetings run on cold sandwiches and sad crisps, I can help. We deliver hot
        Italian lunches to offices, lasagne, arancini, proper salads, for ten to a hundred
        people, on the table at twelve. This week I'm looking for the person who orders the
        lunches at a law firm or an accountancy practice in the city centre. Rosa, Bianchi
        Kitchen, lunch worth staying in for.
        """,
        "intro who_help good_at close",
        "specific",
        profile=Profile("Rosa Bianchi", "Bianchi Kitchen", "caterer", "an office manager"),
        note="The intro is only the sign-off.",
    ),
    _pitch(
        "caterer-2",
        "caterer",
        """
        Hi everyone, I'm Tony from Smokehouse Events, we do barbecue catering, pulled pork,
        brisket, the works. Saturday we did a wedding for a hundred and forty at a pretty little
        venue near Skipton and the rain came down sideways, so we moved the whole smoker under the
        marquee awning and still served on time. So if you know anyone who's having a party or an
        event, send them my way. Who doesn't like brisket?
        """,
        "intro good_at example",
        "generic",
        note="'a pretty little venue' is not a filler.",
    ),
    _pitch(
        "signwriter-1",
        "signwriter",
        """
        Hi all, Jim Kerr, Kerr Signs. I'm a signwriter, and I still paint by hand, gold leaf,
        shop fronts, pub signs, the lettering on the side of vintage vans. Everybody else in the
        trade prints vinyl now, which is fine, but a painted sign lasts twenty years and it looks
        like the shop means it. In the spring I repainted the front of Hebden Bridge's oldest
        bakery, and the owner says people stop to take photos of it every day. A good referral
        for me is anyone opening an independent shop, café or pub in the Calder Valley this
        year. Kerr Signs, painted to last.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Jim Kerr", "Kerr Signs", "signwriter", "a new shop opening"),
        note="'anyone opening an independent shop, café or pub in the Calder Valley this year' "
        "opens with 'anyone' but is narrow: specific.",
    ),
    _pitch(
        "signwriter-2",
        "signwriter",
        """
        Hi everyone. Signs! Vans, shops, boards, banners, if it needs lettering, I can do it.
        Fast turnaround, great prices. Anyone who wants a sign, I'm your man. Thanks.
        """,
        "good_at",
        "generic",
    ),
    _pitch(
        "copywriter-1",
        "copywriter",
        """
        Hi everyone, I'm Jess, I'm a copywriter. So I kind of write words for businesses,
        websites, emails, brochures, LinkedIn posts, basically anything with words in it. Um,
        imagine if your website actually sounded like you instead of a robot, you know? That's
        what I sort of do. I'm very creative and I really love what I do. So, um, if you know
        anyone who needs any writing, perhaps mention my name. Er, yeah. That's it from me.
        """,
        "intro good_at",
        "generic",
        {
            "kind of": 1,
            "basically": 1,
            "um": 2,
            "actually": 1,
            "you know": 1,
            "sort of": 1,
            "very": 1,
            "really": 1,
            "perhaps": 1,
            "er": 1,
        },
        note="'if you know anyone' is not a filler; 'you know?' after the robot line is.",
    ),
    _pitch(
        "cleaner-1",
        "commercial cleaner",
        """
        Morning everyone, Mo Hussain, Sparkle Office Cleaning. We clean offices, surgeries and
        showrooms in the evenings, so the place is ready for the morning. Every client gets the
        same team every night, not whoever the agency could find, and the team leader texts a
        photo of every room when they finish. This week I'm looking for an introduction to the
        facilities manager at Harrison Motor Group, they've got six showrooms around Leeds.
        Sparkle: you'll notice when we've been.
        """,
        "intro who_help good_at different close",
        "specific",
        profile=Profile(
            "Mo Hussain", "Sparkle Office Cleaning", "commercial cleaner", "a facilities manager"
        ),
        note="Offices, surgeries and showrooms are the kinds of client: a described group.",
    ),
    _pitch(
        "dog-groomer-1",
        "dog groomer",
        """
        Hi, I'm Becky, Pampered Paws. I do dog grooming, washes, cuts, nails, and I come to you
        in the van. So if anyone's dog is looking a bit, well, you know...
        """,
        "intro good_at",
        "generic",
        {"a bit": 1, "you know": 1},
        note="Coming to you in the van is a feature, not a stated contrast. Trails off.",
    ),
    _pitch(
        "travel-agent-1",
        "travel agent",
        """
        Hi all. Holidays. Cruises, city breaks, safaris, the lot, and it doesn't cost you a penny
        more than booking it yourself. I've been in travel for twenty-two years and I've been to
        over sixty countries, so I've probably been where you're thinking of going. My husband
        says I'm the only person he knows who packs for a holiday while she's still on one.
        """,
        "good_at different",
        "none",
        note="'no more than booking it yourself' is an explicit contrast with doing it "
        "yourself. Years and countries are generic claims. The close is a joke.",
    ),
    _pitch(
        "accountant-4",
        "accountant",
        """
        Hi everyone, I'm Sarah from Harbour Accountancy. This week has been mad, three year-ends
        and a VAT inspection, so I won't keep you long. A good referral for me is a café or
        restaurant owner who's unhappy with their current accountant. Harbour Accountancy, we've
        got your back.
        """,
        "intro who_help close",
        "specific",
        profile=Profile("Sarah Quinn", "Harbour Accountancy", "accountant", "a café owner"),
        note="No service is stated: a busy week and a trade are not good_at.",
    ),
    _pitch(
        "estate-agent-3",
        "estate agent",
        """
        Hi, um, Gary, Oakwood Homes. So, er, I'm an estate agent, been in the area a long time,
        everyone knows us. Honestly it's quite a quiet time of year. If anyone needs an estate
        agent, give me a shout. Oakwood Homes, we know your street.
        """,
        "intro close",
        "generic",
        {"um": 1, "er": 1, "honestly": 1, "quite": 1},
        profile=Profile("Gary Webb", "Oakwood Homes", "estate agent", ""),
        note="'been in the area a long time, everyone knows us' is a generic claim.",
    ),
    _pitch(
        "physiotherapist-3",
        "physiotherapist",
        """
        Last Thursday a woman came into the clinic who hadn't been able to pick up her grandson
        for six months. On Tuesday she sent me a photo of him on her shoulders. That's why I love
        my job. Thanks.
        """,
        "example",
        "none",
        profile=Profile("Joanne Hill", "Hill Physio", "physiotherapist", "a running club coach"),
        note="The treatment is only implied by the story: no good_at. The profile's name and "
        "business are not said.",
    ),
    _pitch(
        "financial-adviser-3",
        "financial adviser",
        """
        Hi, I'm, er, Martin, Holloway Wealth. So I guess I'll just say, um, it's been a bit of a
        strange year with the markets and stuff, and, you know, people are quite worried, and I
        think that's fair enough, so...
        """,
        "intro",
        "none",
        {
            "er": 1,
            "i guess": 1,
            "just": 1,
            "um": 1,
            "a bit": 1,
            "stuff": 1,
            "you know": 1,
            "quite": 1,
            "i think": 1,
        },
    ),
    _pitch(
        "recruiter-3",
        "recruiter",
        """
        Morning all, Priya, Talent Bridge. Quick one this week: I'm looking for an introduction
        to Jane Hirst, the operations director at Calder Logistics, they've just opened a new
        depot in Normanton. Talent Bridge: mind the gap.
        """,
        "intro close",
        "specific",
        note="'just opened' means recently. No service is stated.",
    ),
    _pitch(
        "cyber-security-1",
        "IT security",
        """
        Hi everyone, I'm Ravi, I'm in cyber security. Imagine coming in on Monday and every file
        on your server has been locked and there's a note asking for fifty thousand pounds in
        Bitcoin. It happens every day. So, do you know anyone who has a business? Because they're
        a target. How many of you have checked your backups this month?
        """,
        "intro",
        "generic",
        note="'I'm in cyber security' is a trade, not a service; the ransom note is imagined.",
    ),
    _pitch(
        "will-writer-1",
        "will writer",
        """
        Right, I'm going to do something different this week. Hands up if you've got a will.
        Keep your hand up if it's up to date. Most of you should have done it, and most of you
        haven't. That's all I'll say. Ashworth Wills, because life doesn't wait.
        """,
        "intro close",
        "none",
        note="The business name in the sign-off is the intro; the service is only implied by "
        "it, so no good_at.",
    ),
    _pitch(
        "printer-3",
        "printer",
        """
        Uh, hi. So, er, print. Everybody needs print, right? Um, if you know anyone who needs
        anything printed, yeah, just send them to me. Uh, that's it.
        """,
        "",
        "generic",
        {"uh": 2, "er": 1, "um": 1, "just": 1},
        profile=Profile("Rob Lane", "Lane Print", "printer", "someone opening a restaurant"),
        note="'print' alone is the trade, not a service.",
    ),
    _pitch(
        "bookkeeper-3",
        "bookkeeper",
        """
        Hello everyone, Kath from Ledger Lane. I work with hairdressers and beauty salons, and
        I'd love to meet the owner of a salon in Horsforth who's just taken on their first
        employee. Ledger Lane, we speak salon.
        """,
        "intro who_help close",
        "specific",
        note="Who she helps is said, but not what she does for them.",
    ),
    _pitch(
        "electrician-3",
        "electrician",
        """
        Hi everyone, Liam, Bright Spark Electrical. I rewire houses, fit EV chargers and do
        landlord safety certificates. It's been a really busy month, and, er, I'm pretty sure
        I've spent more time in lofts than in my own house. Anyway, good to see you all.
        """,
        "intro good_at",
        "none",
        {"really": 1, "er": 1, "pretty": 1},
        note="'pretty sure' is a hedge.",
    ),
    _pitch(
        "coach-3",
        "business coach",
        """
        I'm Nina Cole. Five years ago I was made redundant on a Tuesday and started my own
        business on the Wednesday. I've made every mistake there is. If you're thinking about
        going it alone, or you know someone who is, come and talk to me. Nina Cole: I've been
        there.
        """,
        "intro who_help close",
        "generic",
        note="Her redundancy is her own story, not a case of her work. The ask is put to the "
        "whole room: generic. 'or you know someone' is not a filler.",
    ),
    _pitch(
        "florist-3",
        "florist",
        """
        Morning! Emma, Wildflower & Co. It's Valentine's in three weeks, so, um, you know what
        to do. Wildflower & Co, say it with something that isn't a supermarket carnation.
        """,
        "intro different close",
        "generic",
        {"um": 1},
        note="'you know what to do' is literal, not a filler, and is a call to the whole room. "
        "The tagline sets the shop against supermarket flowers: a contrast.",
    ),
    _pitch(
        "architect-1",
        "architect",
        """
        Hi everyone, good morning, so for those who don't know me I'm Owen Price and I run Price
        Architects, we're a small practice in Ilkley, just the three of us. We mostly do house
        extensions and loft conversions for families who've run out of room but don't want to
        move, because moving round here costs a fortune now with stamp duty and everything. So
        what we do is we come out, we measure up, we draw it, we get it through planning and
        building regs, and then if you want we'll help you find a builder and keep an eye on the
        job. Last year we did a kitchen extension on a stone semi in Burley, the planners turned
        it down the first time because of the neighbours, and we redesigned the roof, took it
        back and got it approved in six weeks, and the family moved back into the kitchen in
        time for Christmas. Um, I think people sort of assume an architect is going to be really
        expensive, and honestly we're probably cheaper than you think. So if you know anyone
        who's thinking about extending, basically, send them our way. So yeah that's it.
        """,
        "intro who_help good_at example",
        "generic",
        {
            "um": 1,
            "i think": 1,
            "sort of": 1,
            "really": 1,
            "honestly": 1,
            "basically": 1,
            "so yeah": 1,
        },
        note="'just the three of us' means only: not a filler. 'cheaper than you think' is "
        "set against what people expect, not against other practices: no differentiator.",
    ),
    _pitch(
        "removals-1",
        "removals",
        """
        Good morning everyone. This week I'd like to tell you about one move, because it sums up
        what we do.

        In June we moved Margaret, who's ninety-one, out of the farmhouse near Masham she'd lived
        in for sixty years and into a flat in Ripon. Her children live in Canada and Australia,
        so they couldn't be there. We sorted the whole house with her over three visits, what
        went to the flat, what went to the grandchildren, what went to the auction rooms in
        Thirsk and what went to the charity shop, and we photographed every room for the family
        as we went. On the day, we unpacked everything, made the bed, hung her pictures in the
        same order they'd been on the farmhouse wall and put the kettle on. Her son rang me from
        Toronto that evening and he couldn't speak for a minute.

        That's what we do: house moves for older people and their families, when downsizing
        feels like too much. We pack, we sort, we move and we unpack, so on the first night it
        already feels like home.

        Carter & Daughter Removals. We move you, not just your things.
        """,
        "intro who_help good_at example close",
        "none",
        profile=Profile(
            "Jen Carter", "Carter & Daughter Removals", "removals", "a care home manager"
        ),
        note="The business is named only at the end. 'not just your things' means only: not a "
        "filler, and the tagline is a hook rather than a stated contrast.",
    ),
)
