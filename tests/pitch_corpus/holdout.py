"""A held-out set of labelled one-minute pitches, for measuring how the structure check generalises.

These pitches were written separately from ``PITCHES``, in other voices and mostly other
trades, and labelled by hand by the same definitions (at the top of ``pitches.py``) before
any check was run on them. Keep them out of tuning: a check fitted to the main set is
measured here, so reading these pitches to adjust the check spoils the measure. Ids start
with ``h-`` so they never collide with the main set's.
"""

from __future__ import annotations

from netcoach.core.pitch.profile import Profile
from tests.pitch_corpus.pitches import LabelledPitch, _pitch

HOLDOUT: tuple[LabelledPitch, ...] = (
    _pitch(
        "h-dentist-1",
        "dentist",
        """
        Good morning, I'm Dr Amira Haddad from Lime Street Dental in Kendal. We look after
        nervous patients, the people who haven't sat in a dentist's chair for ten years because
        the last time hurt. We do check-ups, hygiene, fillings and Invisalign, and every nervous
        patient gets a longer first appointment where nothing happens except talking. Unlike
        most practices, we book those first visits for forty-five minutes and we never charge
        for them. Last month a man in his fifties came in shaking, he hadn't been since school;
        he's now had four fillings and he's booked his wife in. I'd love an introduction to the
        HR manager at any Kendal firm with more than fifty staff that's looking at health
        benefits. Lime Street Dental, where nobody's nervous twice.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Amira Haddad",
            "Lime Street Dental",
            "dentist",
            "an HR manager at a firm with more than fifty staff",
        ),
    ),
    _pitch(
        "h-dentist-2",
        "dentist",
        """
        Hi everyone, so, um, I'm a dentist, I work over at the practice on Mill Road. Honestly,
        we really do care about our patients, we've got the latest equipment and a lovely team.
        We do everything really, check-ups, cleaning, whitening, the lot. So yeah, if you know
        anyone who needs a dentist, send them our way. Thanks.
        """,
        "good_at",
        "generic",
        {"um": 1, "honestly": 1, "really": 2, "so yeah": 1},
        note="A job title and a street are not an intro (no name, no practice name). Caring, "
        "the latest equipment and a lovely team are generic claims, not a differentiator.",
    ),
    _pitch(
        "h-translator-1",
        "translator",
        """
        Right, so, my name's Katarzyna, most people call me Kasia, and I run Lingua Bridge
        Translations. I translate legal and technical documents between Polish, English and
        German: contracts, patents, machine manuals. Last year a tractor maker in Lincoln needed
        their operator manual, three hundred pages, in Polish for a dealer launch in Poznań, and
        we turned it round in nine days, with the diagrams relabelled. Every document is checked
        by a second translator who's a specialist in that field, not just a second pair of eyes.
        Who do you know who's exporting to Poland or Germany for the first time? That's who I'd
        love to meet.
        """,
        "intro who_help good_at different example",
        "specific",
        profile=Profile(
            "Katarzyna Nowak",
            "Lingua Bridge Translations",
            "translator",
            "a firm exporting to Poland or Germany for the first time",
        ),
        note="Exporting to Poland or Germany for the first time is a situation narrow enough "
        "to act on: specific, and the described group (who_help). 'not just a second pair' "
        "means only: not a filler. The closing question is not a close.",
    ),
    _pitch(
        "h-vet-1",
        "vet",
        """
        So I'm going to start with a question. Hands up who's got a dog? Right, loads of you.
        And how many of you have had that three in the morning panic when the dog's eaten
        something it shouldn't? Yeah. So that's where we come in, we're open twenty-four hours
        at our Harrogate hospital, and it's a proper vet, not a phone line, there's always a vet
        and two nurses on site all night. Oh, I should have said, I'm Tom, from Ashby Vets. We
        do all the normal stuff too, vaccinations, neutering, dental. Anyway. That's me really.
        Thanks.
        """,
        "intro who_help good_at different",
        "none",
        {"stuff": 1, "really": 1},
        note="The three in the morning panic is a hypothetical put to the room, not an example. "
        "'a proper vet, not a phone line' is an explicit contrast. It ends on thanks: no close.",
    ),
    _pitch(
        "h-mechanic-1",
        "mechanic",
        """
        Morning all, Gary Pryce, Pryce Motors on the Foxhall industrial estate. We service and
        repair vans for sole traders, the plumbers and electricians and couriers whose van is
        their living. If your van's off the road, you're not earning, so we collect it at six in
        the morning and have it back by five, or we lend you one of ours. Two weeks ago a
        courier's clutch went on the A12 at half seven; we had him in a courtesy van by nine and
        his own van back the next day. My ideal referral is the fleet manager at a company
        running five to twenty vans. Pryce Motors: your van back before your tea.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Gary Pryce",
            "Pryce Motors",
            "mechanic",
            "a fleet manager at a company running five to twenty vans",
        ),
    ),
    _pitch(
        "h-mechanic-2",
        "mechanic",
        """
        Hi, I'm Sean, I'm a mechanic. Been in the trade twenty-two years, started as an
        apprentice at sixteen at my dad's garage, and now I've got my own place. MOTs,
        servicing, brakes, clutches, whatever you need. Good honest work, fair prices, no jobs
        you don't need. Anybody needs their car looking at, give us a shout.
        """,
        "intro good_at",
        "generic",
        note="A first name counts as an intro. Twenty-two years, honest work and fair prices "
        "are generic claims; the apprenticeship is his own life story, not an example.",
    ),
    _pitch(
        "h-locksmith-1",
        "locksmith",
        """
        Locked out? Lost your keys? Ring Lee. I'm Lee Kaur from KeyFast Locksmiths, and I'm at
        your door within thirty minutes anywhere in Leicester, day or night, or the call-out's
        free. I fit insurance-approved locks too. KeyFast: we get you in, and keep them out.
        """,
        "intro who_help good_at different close",
        "generic",
        note="'Locked out? Lost your keys?' is the defining problem. Thirty minutes or a free "
        "call-out is a concrete differentiator. 'Ring Lee' is a call to the whole room.",
    ),
    _pitch(
        "h-tutor-1",
        "maths tutor",
        """
        Hi everyone, so, um, for those who don't know me I'm Becky, Becky Oyelaran, and I do
        maths tutoring, mainly GCSE. So I just want to tell you about a lad I've been working
        with, I won't say his name, he was predicted a 3 in maths last September, and he'd
        basically decided he was rubbish at it, you know, that kind of thing where they've given
        up before they start. And we did one hour a week, and honestly the first month we
        barely did any maths, we mostly talked about football statistics because that's what he
        was into. And he got a 6 in the summer. A 6! His mum cried, I cried. So, er, yeah. Do
        you know anyone whose child is in Year 10 or 11 and has decided they can't do maths?
        That's who I'm looking for. Thanks.
        """,
        "intro who_help good_at example",
        "specific",
        {"um": 1, "just": 1, "basically": 1, "you know": 1, "honestly": 1, "er": 1},
        note="'Do you know anyone whose child is in Year 10 or 11 and has decided they can't do "
        "maths' is narrow enough to act on: specific. 'that kind of thing' means type: not a "
        "filler. The football method is part of the story, not stated as a differentiator.",
    ),
    _pitch(
        "h-tutor-2",
        "eleven-plus tutor",
        """
        Hello, I'm Graham Pike and I run Pike Tuition. We help children in Years 4 and 5 get
        ready for the eleven-plus for the grammar schools in Buckinghamshire. We teach small
        groups of four on Saturday mornings, and every child sits three full mock papers under
        exam conditions in a real school hall before the real thing. That's quite different
        from the online courses. Maybe if you know someone who's got kids...?
        """,
        "intro who_help good_at different",
        "generic",
        {"quite": 1, "maybe": 1},
        note="'Maybe if you know someone who's got kids...?' is broad and hedged: generic. The "
        "mock papers in a real school hall are a concrete differentiator.",
    ),
    _pitch(
        "h-roofer-1",
        "roofer",
        """
        I'm the one who gets the call when the rain's coming through the ceiling. Twenty years
        on the tools and fully insured. Last winter I did forty-odd emergency call-outs in
        Sheffield alone. So yeah, that's me, thanks.
        """,
        "who_help",
        "none",
        {"so yeah": 1},
        note="'I'm the one who...' asks for nothing: no ask. Forty-odd call-outs is a count, "
        "not an example; twenty years and insured are generic. No name or business: no intro. "
        "Getting the call implies the repair but never states a service: no good_at.",
    ),
    _pitch(
        "h-roofer-2",
        "roofer",
        """
        Good morning, Nadia Brooks, Brooks Roofing. We specialise in Victorian and Edwardian
        terraces, slate roofs that have been patched for a hundred years and need someone who'll
        do them properly. Unlike most roofers we send you photographs of every slope from the
        scaffold before we quote, so you see what we see. In March we re-slated a terrace of six
        houses on Harcourt Road for a housing co-op, reusing seventy per cent of the original
        Welsh slate. This week I'd like to meet Ian Pollard, the surveyor at Crossgates Housing
        Association. Brooks Roofing, we show you the roof before we fix it.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Nadia Brooks", "Brooks Roofing", "roofer", "a surveyor at a housing association"
        ),
    ),
    _pitch(
        "h-bakery-1",
        "bakery",
        """
        Hiya, I'm Jo from the Rising Loaf on Church Street, it's a bakery, obviously, the name
        sort of gives it away. We do sourdough, pastries and a lot of celebration cakes,
        birthdays, christenings, retirements, and everything's lovely and fresh. We also do
        office breakfasts, so order a box of pastries for your next meeting and you'll be very
        popular. So if anyone needs a cake, come and see me. Oh, and why did the baker stop
        making doughnuts? He got tired of the hole business. Thank you!
        """,
        "intro good_at",
        "generic",
        {"sort of": 1, "very": 1},
        note="Lovely and fresh is a generic claim. The joke at the end is not a close.",
    ),
    _pitch(
        "h-bike-shop-1",
        "bike shop",
        """
        Hi all, I'm Marcus Webb and I own Spoke & Chain, the bike shop by the station in Bath.
        We sell and service bikes, and a growing part of what we do is electric bikes for people
        who've stopped cycling because of the hills or their knees. Last month a couple in their
        seventies bought two e-bikes from us and rode to Bradford-on-Avon and back for the first
        time in twenty years; they sent us a photo from the canal. Do you know anyone who runs
        an office in Bath and is setting up a cycle-to-work scheme? I'd love an introduction.
        """,
        "intro who_help good_at example",
        "specific",
        profile=Profile(
            "Marcus Webb",
            "Spoke & Chain",
            "bike shop",
            "an office manager setting up a cycle-to-work scheme",
        ),
        note="'Do you know anyone who runs an office in Bath and is setting up a cycle-to-work "
        "scheme?' is narrowed to a situation: specific, and 'do you know anyone' is no filler.",
    ),
    _pitch(
        "h-payroll-1",
        "payroll bureau",
        """
        Good morning. I'm Helen Marsh from Marsh Payroll Services. We run payroll for small
        employers, the café with eight staff, the builder with three lads and a van, so they
        never have to think about RTI, pensions auto-enrolment or payslips again. Most bureaus
        charge per payslip and then extra for every starter and leaver; we charge one flat
        monthly fee, whatever happens. If you know anyone who employs people and hates doing
        payroll, I'd love to hear from them. Marsh Payroll: pay day, sorted.
        """,
        "intro who_help good_at different close",
        "generic",
        profile=Profile(
            "Helen Marsh", "Marsh Payroll Services", "payroll bureau", "a small employer"
        ),
        note="The café and the builder illustrate the kind of client; they are not a concrete "
        "case with a result, so no example. 'anyone who employs people' is broad: generic.",
    ),
    _pitch(
        "h-data-protection-1",
        "data protection consultant",
        """
        Um, right, so, hi. I'm Farid Rahman and I'm a data protection consultant, which I know
        sounds really dull, and honestly it kind of is, but bear with me. So basically, since
        GDPR, lots of small businesses have, you know, a privacy policy they copied off someone
        else's website and no idea what data they actually hold. And then someone asks for
        their data, a subject access request, and they panic, because they've got thirty days.
        So what I do is I come in, I map what you hold, I write the policies that fit you, and I
        train your staff in a half-day session. I've worked with dental practices, charities, a
        couple of recruitment firms. I guess what I'd like is, um, I'd like to meet practice
        managers at GP surgeries or dental practices, because they're often the ones left
        holding it. So yeah, I think that's it.
        """,
        "intro who_help good_at",
        "specific",
        {
            "um": 2,
            "really": 1,
            "honestly": 1,
            "kind of": 1,
            "basically": 1,
            "you know": 1,
            "actually": 1,
            "i guess": 1,
            "so yeah": 1,
            "i think": 1,
        },
        note="A list of sectors worked with is not a concrete case: no example. Practice "
        "managers at GP surgeries or dental practices are a role at a kind of business.",
    ),
    _pitch(
        "h-event-planner-1",
        "event planner",
        """
        Hello everyone, I'm Chloe Adeyemi from Bright Room Events. Let me start with a question:
        what kind of event does your company dread organising? For most of the firms I work
        with it's the annual conference, two hundred people, a venue, speakers, AV, dietary
        requirements. That's what I take off your hands, from the first venue visit to the last
        taxi home. In October I ran a two-day sales conference for a software company at the
        Belfry for two hundred and forty people, and the only call the MD made to me on the day
        was to say thank you. I'd love to meet the head of marketing or the office manager at a
        company of a hundred-plus staff. Bright Room Events: you enjoy it, we sweat it.
        """,
        "intro who_help good_at example close",
        "specific",
        profile=Profile(
            "Chloe Adeyemi",
            "Bright Room Events",
            "event planner",
            "the head of marketing at a company of a hundred-plus staff",
        ),
        note="'what kind of event' means type: not a filler.",
    ),
    _pitch(
        "h-wedding-planner-1",
        "wedding planner",
        """
        Hi, so, I'm a wedding planner, and I just love weddings, I really do. Last Saturday we
        had a marquee in a field near Ludlow, the rain came in at two, and the florist's van got
        a flat tyre, and we got the flowers in just in time for the ceremony, with about four
        minutes to spare, and honestly the bride never knew a thing. That's my job, basically,
        running the day so nobody knows anything went wrong. So if you know anybody who needs a
        wedding planner, I'd love to chat to them. I'm Sophie, by the way, Sophie Lane Weddings.
        Thank you!
        """,
        "intro good_at example",
        "generic",
        {"just": 1, "really": 1, "honestly": 1, "basically": 1},
        note="'just in time' is not a filler; 'just love' is. The name and business come as a "
        "belated 'by the way', not a tagline or hook: no close.",
    ),
    _pitch(
        "h-pet-groomer-1",
        "mobile pet groomer",
        """
        Paws on Wheels, that's me, Ellie Grant. I'm a mobile groomer: I bring a fully kitted-out
        van to your drive, so your dog never has to sit in a noisy salon with ten others
        barking. One dog at a time, about an hour, bath, clip, nails, ears. Older dogs and
        nervous rescues love it. Paws on Wheels, the salon that comes to you.
        """,
        "intro who_help good_at different close",
        "none",
        profile=Profile(
            "Ellie Grant", "Paws on Wheels", "pet groomer", "a vet practice with nervous dogs"
        ),
        note="Older dogs and nervous rescues are the described group.",
    ),
    _pitch(
        "h-chiropractor-1",
        "chiropractor",
        """
        Good morning! Quick question, who here sits at a desk all day? Keep your hands up if your
        neck aches by three o'clock. Yep. That's most of my patients. I'm Dr Ravi Mistry, I'm a
        chiropractor at the Spine Centre in Northampton, and we treat neck pain, back pain and
        headaches. We've been established for fifteen years and we've helped over four thousand
        patients. We're friendly, we listen, and we really care about getting you better. How's
        your neck feeling now?
        """,
        "intro who_help good_at",
        "none",
        {"really": 1},
        note="Fifteen years, four thousand patients (a count, not an example), friendly and "
        "caring are not a differentiator. The closing question is not a close.",
    ),
    _pitch(
        "h-personal-trainer-1",
        "personal trainer",
        """
        Right so I'm a personal trainer and I train people one-to-one in their homes or at the
        park and I do nutrition plans as well and I've got a few group sessions on a Tuesday and
        Thursday night at the community centre and honestly it's just really good fun and
        everyone's welcome whatever your fitness level so if anyone fancies it just come along or
        if you know anyone who wants to get fit send them to me.
        """,
        "good_at",
        "generic",
        {"honestly": 1, "just": 2, "really": 1},
        note="One run-on sentence. A job title alone is no intro; 'everyone' is no group.",
    ),
    _pitch(
        "h-personal-trainer-2",
        "personal trainer",
        """
        Hi, I'm Dean Osei from Second Wind Fitness. I work with men over fifty who've been told
        by their GP to lose weight or lower their blood pressure, and who'd rather die than walk
        into a gym full of mirrors. We train in a private studio, no mirrors, no music you can't
        stand, and every programme starts with a walk, not a workout. One client, a retired
        lorry driver called Keith, came to me in January at twenty stone; he's lost three stone
        and come off one of his blood pressure tablets. A great referral for me is a practice
        nurse or a pharmacist who sees these men every week. Second Wind: it's never too late to
        get fit.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Dean Osei",
            "Second Wind Fitness",
            "personal trainer",
            "a practice nurse or pharmacist",
        ),
    ),
    _pitch(
        "h-landscaper-1",
        "landscaper",
        """
        Hello, I'm Owen Price from Price Landscapes. We build gardens, patios, paths, fences,
        turf, raised beds. Most people want a pretty garden they don't have to spend every
        weekend looking after, and that's what we design. I'm pretty proud of our work, we've
        done over two hundred gardens round Cardiff. Maybe if you know someone who's thinking
        about doing their garden this spring?
        """,
        "intro good_at",
        "generic",
        {"pretty": 1, "maybe": 1},
        note="'a pretty garden' is not a filler; 'pretty proud' is. 'Most people' is no "
        "described group. Two hundred gardens is a count. The hedged ask is broad: generic.",
    ),
    _pitch(
        "h-gardener-1",
        "gardener",
        """
        So I'll be quick. I'm the gardener, some of you know me. Last autumn a lady on Priory
        Lane, she'd lost her husband, and he'd always done the garden, and by September it was
        waist high and she couldn't face it. I cleared it over two days, kept his roses, pruned
        them right back, and now I go every other Thursday and she brings me a tea and a
        biscuit. It's the best bit of my week. So what I'm after is people who've lost the
        person who did the garden, or who can't manage it any more after an operation. If you
        know someone like that. Cheers.
        """,
        "who_help example",
        "specific",
        note="The service is only implied by the story: no good_at. 'I'm the gardener' is a "
        "bare trade: no intro. People who have lost the person who did the garden, or can't "
        "manage after an operation, is a situation narrow enough to act on: specific.",
    ),
    _pitch(
        "h-cleaner-1",
        "domestic cleaner",
        """
        Hi everyone, Sparkle and Shine cleaning, I'm Tina. We do domestic cleaning, weekly or
        fortnightly, end of tenancy, and one-off deep cleans. Fully insured, DBS checked, and
        we're very reliable. Anyone who needs a cleaner, grab me at the end. Thanks!
        """,
        "intro good_at",
        "generic",
        {"very": 1},
        note="Insured, DBS checked and reliable are generic claims.",
    ),
    _pitch(
        "h-cleaner-2",
        "end-of-tenancy cleaner",
        """
        Morning, I'm Anita Kowalczyk, Clean Slate Tenancy Cleans. We do one thing: the
        end-of-tenancy clean that gets the tenant their deposit back. Letting agents in
        Nottingham give us their inventory checklist and we clean to it, room by room, and if the
        inventory clerk fails anything we go back within twenty-four hours for free. Last month
        we did thirty-one flats for Castle Lettings and every single one passed first time. I'd
        love an introduction to the property manager at Trent Side Lets. Clean Slate: deposit
        back, guaranteed.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Anita Kowalczyk",
            "Clean Slate Tenancy Cleans",
            "cleaner",
            "a property manager at a letting agency",
        ),
        note="Thirty-one flats for one named agent, all passed, is one concrete case with a "
        "result, not a bare client count.",
    ),
    _pitch(
        "h-it-security-1",
        "IT security",
        """
        Hi, er, I'm Sam from Northgate Cyber. So, quick story. A solicitor's office in Preston,
        four partners, one of their secretaries got an email from what looked like a client,
        changing their bank details, and they nearly sent a hundred and eighty thousand pounds
        from a house sale to a fraudster. They rang us, we stopped it, we traced it, and now we
        run phishing tests for them every month. That's what we do, we test your staff with fake
        scam emails and train the ones who click. If you know anyone who'd want that, have a
        word.
        """,
        "intro good_at example",
        "generic",
        {"er": 1},
    ),
    _pitch(
        "h-wills-solicitor-1",
        "wills solicitor",
        """
        Good afternoon, I'm Margaret Fenwick, a partner at Fenwick Hale Solicitors in Chester,
        and I've been drafting wills for thirty-four years. I help families with a business, a
        farm or a second marriage, where a simple will isn't simple at all. We've drafted over
        six thousand wills. What I'd really like this month is an introduction to Richard Cole
        at Cole & Partners accountants, because his farming clients are exactly who I help.
        Fenwick Hale: put it in writing, while you can.
        """,
        "intro who_help good_at close",
        "specific",
        {"really": 1},
        profile=Profile(
            "Margaret Fenwick",
            "Fenwick Hale Solicitors",
            "solicitor",
            "an accountant with farming clients",
        ),
        note="Thirty-four years is years of service and six thousand wills a count: no "
        "differentiator and no example.",
    ),
    _pitch(
        "h-hr-consultant-1",
        "HR consultant",
        """
        Hello. So, I'm going to talk about sickness absence this week. Basically, most small
        firms don't have an absence policy until somebody's been off for three months, and then
        they panic and ring me. What I do is, I set up the policy, the return-to-work interviews,
        the occupational health referrals, and I sit in on the difficult meetings with the
        manager so it's done fairly. A client of mine, a joinery in Halifax, twelve staff, had
        one chap off for six months, and we got him back on a phased return in five weeks, and
        he's still there. So, um, if you know any small firms, I suppose, who, er, well, anybody
        really. Sorry. Lorna, Birch HR, I should have said that at the start.
        """,
        "intro who_help good_at example",
        "generic",
        {"basically": 1, "um": 1, "er": 1, "really": 1},
        note="The ask trails off into 'anybody really': generic. The name comes last as an "
        "apology, not a hook: no close.",
    ),
    _pitch(
        "h-copywriter-1",
        "copywriter",
        """
        Hi, I'm Jas Bhatti, and I write words that sell: websites, brochures, emails and product
        descriptions. Most copywriters start with your brand. I start with your customers:
        before I write a word, I phone five of them and ask why they bought. Then I write in
        their language, not yours. Jas Bhatti Copy: your customers wrote it, I just typed it up.
        """,
        "intro good_at different close",
        "none",
        note="'I just typed it up' means merely: not a filler.",
    ),
    _pitch(
        "h-travel-agent-1",
        "travel agent",
        """
        Hi everyone, so, I'm Priti from Wanderwise Travel, we're an independent travel agent in
        Solihull. I know, I know, everyone books online now. But honestly, when your flight's
        cancelled at two in the morning in Lanzarote, the website doesn't pick up the phone, and
        I do. We do a lot of group trips, milestone birthdays, school reunions, and this summer I
        did a family trip to Amritsar for a wedding, forty-two people, flights from four
        different UK airports all landing within an hour of each other. Do you know anyone who's
        got a family wedding abroad coming up and is dreading sorting the flights for everyone?
        That's my perfect referral.
        """,
        "intro who_help good_at different example",
        "specific",
        {"honestly": 1},
        note="'the website doesn't pick up the phone, and I do' is an explicit contrast. A "
        "family wedding abroad coming up is narrow enough to act on: specific.",
    ),
    _pitch(
        "h-optician-1",
        "optician",
        """
        Hello, Aisha Rahman, I'm the optometrist at ClearSight Opticians in Wakefield. We do eye
        tests, glasses and contact lenses, and we're one of the few practices round here with an
        OCT scanner, which looks at the back of the eye in 3D and can spot glaucoma years
        earlier than a standard test. We include it free in every eye test.
        """,
        "intro good_at different",
        "none",
        profile=Profile(
            "Aisha Rahman", "ClearSight Opticians", "optician", "a GP practice manager"
        ),
    ),
    _pitch(
        "h-driving-instructor-1",
        "driving instructor",
        """
        Hi, I'm Carl, Carl's Driving School, the one with the big L on the roof. I teach people
        to drive, manual and automatic, and I do intensive courses too. My pass rate's very
        good, and I'm patient, very patient, I've been doing it eleven years. So if you know
        anyone who needs lessons, send them to me. And if you see my car on the roundabout by
        Tesco, please don't beep, it doesn't help. Thanks.
        """,
        "intro good_at",
        "generic",
        {"very": 2},
        note="A good pass rate, patience and eleven years are generic. The joke is no close.",
    ),
    _pitch(
        "h-architect-1",
        "architect",
        """
        Good morning, Tomás Reyes, Reyes Architects. We design extensions and loft conversions,
        and we handle the planning application from start to finish. What's different about us
        is that we give you a fixed fee for the drawings and the planning, and if the council
        refuses, we redesign and resubmit for nothing. Last year we got a two-storey side
        extension approved in a conservation area in Jesmond on the first attempt, after the
        owners had been refused twice with another firm. This week I'd like to meet Dan Hollis
        at Hollis Build. Reyes Architects: drawn, approved, built.
        """,
        "intro good_at different example close",
        "specific",
        profile=Profile("Tomás Reyes", "Reyes Architects", "architect", "a builder of extensions"),
    ),
    _pitch(
        "h-pest-control-1",
        "pest control",
        """
        Has anyone here ever heard scratching in the loft at night? Yeah? So that was a family in
        Kettering last month, three kids, and the dad had been up there with a torch every night
        for a week. We found a way in under a broken air brick the size of a fifty pence,
        squirrels, not rats, thank goodness, and we had them out and the hole sealed in two
        visits. I do mice, rats, wasps, squirrels, moles, the lot. Anyway, that's what I do.
        Thanks.
        """,
        "who_help good_at example",
        "none",
        note="Scratching in the loft at night is the defining problem. No name or business.",
    ),
    _pitch(
        "h-window-cleaner-1",
        "window cleaner",
        """
        I'm the window cleaner. Unlike most round here I use a pure water pole system, so no
        ladders and no streaks. Houses, shops, conservatory roofs. Every four weeks, with a text
        reminder the day before. Clear view, every time.
        """,
        "good_at different close",
        "none",
        note="A bare trade is no intro.",
    ),
    _pitch(
        "h-hairdresser-1",
        "hairdresser",
        """
        Hi, um, I'm Gemma, I've got a little salon, Cut Above, on the high street, well, just
        off it. Erm, we do cuts, colours, balayage, all that kind of stuff, and men's cuts as
        well actually. We're literally the friendliest salon in town, honestly, ask anyone. Do
        you know anyone who wants their hair done? Yeah, so that's me, thank you.
        """,
        "intro good_at",
        "generic",
        {"um": 1, "erm": 1, "stuff": 1, "actually": 1, "literally": 1, "honestly": 1},
        note="'just off it' means barely and 'that kind of stuff' means type, so neither 'just' "
        "nor 'kind of' is a filler there ('stuff' is). 'Do you know anyone who wants their hair "
        "done?' is broad: generic. The friendliest salon is a generic claim.",
    ),
    _pitch(
        "h-removals-1",
        "man with a van",
        """
        Kev's Vans, I'm Kev. Two-man team, Luton van, blankets and straps. Student moves, flat
        moves, eBay collections, anything really. Cheapest in Coventry, I reckon. If you know
        anyone moving, give them my number.
        """,
        "intro good_at",
        "generic",
        {"really": 1},
        note="'Cheapest in Coventry, I reckon' is a generic claim.",
    ),
    _pitch(
        "h-home-care-1",
        "home care agency",
        """
        Good morning everyone, I'm Grace Mensah and I run Kindred Home Care in Reading. We help
        older people stay in their own homes after a stay in hospital, when they can't yet manage
        alone. Our carers stay for a minimum of an hour a visit, never the fifteen-minute slots
        you read about, and the same two carers see the same client every week. In the spring we
        looked after Mr Hughes, ninety-three, who'd come out of the Royal Berkshire after a
        broken hip; his daughter was told he'd need a care home, and six weeks later he was
        walking to the paper shop again. A good referral for me is a discharge coordinator at
        the Royal Berkshire, or a social worker in the hospital team. Kindred Home Care, because
        home is where you get better.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Grace Mensah",
            "Kindred Home Care",
            "home care agency",
            "a hospital discharge coordinator",
        ),
    ),
    _pitch(
        "h-dj-1",
        "DJ",
        """
        Evening all! So I'm DJ Maz, or Martin to my mum. I do weddings, parties, corporate dos,
        and I'll play anything from Abba to Stormzy, I've got about forty thousand songs on the
        laptop. I've been doing it for nineteen years, so I've seen it all, the best man falling
        into the cake, the lot. I'll say this, the dance floor's never empty when I'm on.
        Anyway, I'll leave you with a joke: what do you call a DJ who only plays Abba? A Mamma
        Mia-stro. I'll get my coat.
        """,
        "intro good_at",
        "none",
        note="Nineteen years and a full dance floor are generic claims; 'seen it all' is no "
        "single concrete case. The joke is no close.",
    ),
    _pitch(
        "h-funeral-director-1",
        "funeral director",
        """
        Good morning, I'm Michael Doyle from Doyle & Sons Funeral Directors. We've been in Wigan
        for four generations. I know nobody wants to think about us, so I'll just say this: we
        publish every price on our website, and our simple funeral is two thousand one hundred
        pounds, all in, no extras added afterwards. When you need us, we'll be there, day or
        night. Doyle & Sons, caring for Wigan since 1921.
        """,
        "intro good_at different close",
        "none",
        {"just": 1},
        note="The simple funeral at a stated price is the service in words. Published, all-in "
        "prices are a concrete differentiator; four generations alone would not be.",
    ),
    _pitch(
        "h-podiatrist-1",
        "podiatrist",
        """
        So, feet. Nobody thinks about their feet until they hurt. I'm a podiatrist, I do nail
        surgery, verrucas, orthotics, diabetic foot checks. Honestly my favourite thing is
        ingrown toenails, which I know is a bit weird. Do you know anyone who works in a care
        home and has residents with diabetes who aren't getting their feet checked? Because
        those are the people I really want to reach. Yeah. Thanks.
        """,
        "who_help good_at",
        "specific",
        {"honestly": 1, "a bit": 1, "really": 1},
        note="A job title alone is no intro. Someone working in a care home with diabetic "
        "residents is a role at a kind of business: specific.",
    ),
    _pitch(
        "h-virtual-assistant-1",
        "virtual assistant",
        """
        Hi all, I'm Rachel Tan from Tan Admin. I'm a virtual assistant for busy sole traders, the
        plumber who's doing invoices at eleven at night, the therapist whose inbox is out of
        control. I do diary management, invoicing, email and bookings, a few hours a week, from
        my home office. I think people kind of assume a VA is only for big companies, but most
        of my clients are one-person businesses. So if you know anyone who's drowning in admin,
        I'd love an introduction.
        """,
        "intro who_help good_at",
        "generic",
        {"i think": 1, "kind of": 1},
        note="Correcting a misconception about VAs is no contrast with competitors. The plumber "
        "and the therapist are kinds of client, not a case. 'drowning in admin' is broad.",
    ),
    _pitch(
        "h-bakery-2",
        "wholesale bakery",
        """
        Hello, Ben Hartley from Hartley's Bakehouse. We bake for cafés and delis: sourdough,
        focaccia and pastries, delivered by seven every morning across Bristol. Unlike the big
        wholesalers, we have no minimum order, so a café can have six croissants if six is what
        sells. In the summer we started supplying the Canteen on Stokes Croft, and their bread
        sales doubled in the first month. I'd love an introduction to whoever does the buying at
        Boston Tea Party. Hartley's, baked while you sleep.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Ben Hartley", "Hartley's Bakehouse", "bakery", "a café buyer"),
    ),
    _pitch(
        "h-chimney-sweep-1",
        "chimney sweep",
        """
        Chimney sweep here, for anyone who doesn't know me. Now's the time, before you light the
        first fire of the winter. I sweep, I do a smoke test, and you get a certificate for your
        insurance. If you've got a wood burner or an open fire, give me a ring.
        """,
        "who_help good_at",
        "generic",
        note="A call to the whole room with a wood burner or open fire: generic, though the "
        "owners of one are a described group.",
    ),
    _pitch(
        "h-mediator-1",
        "family mediator",
        """
        I want to tell you about two people I met in February. They'd been married nineteen
        years, two teenage daughters, and by the time they came to me they were only speaking
        through their solicitors, and every letter was costing them about four hundred pounds.
        The first session, they sat at opposite ends of the table and wouldn't look at each
        other. He had a list. She had a bigger list. And about forty minutes in, the younger
        daughter's name came up, because she'd stopped eating properly, and something changed in
        the room. They both went quiet. By the fourth session they'd agreed who'd live where,
        how the money would be split, and which of them would drive the girls to school on
        Mondays. They signed it in April. In June they both came to the younger one's school
        play, and sat together. I won't pretend every couple gets there. But a lot more get
        there than you'd think, and a lot more cheaply than they fear. Ruth Adler, Common Ground
        Mediation. Talk first, fight never.
        """,
        "intro example close",
        "none",
        note="The service is only implied by the story and the business name: no good_at. One "
        "couple is the example, not a described group. Cheaper than feared is no contrast.",
    ),
    _pitch(
        "h-yoga-teacher-1",
        "yoga teacher",
        """
        Hi, um, so I'm the yoga teacher, hi. I, er, I wasn't really sure what to say this week,
        so I thought I'd just tell you why I started. I had a pretty stressful job in insurance
        for twelve years, and I was sort of burning out, and a friend dragged me to a class, and
        I basically cried in the last ten minutes, and then I kept going back. And now, you know,
        here I am. So yeah. That's my story, I guess...
        """,
        "",
        "none",
        {
            "um": 1,
            "er": 1,
            "really": 1,
            "just": 1,
            "pretty": 1,
            "sort of": 1,
            "basically": 1,
            "you know": 1,
            "so yeah": 1,
            "i guess": 1,
        },
        note="Her own life story is not an example; 'the yoga teacher' is a bare trade. "
        "Nothing is offered and nothing asked.",
    ),
    _pitch(
        "h-carpet-fitter-1",
        "carpet fitter",
        """
        Morning. Mike Dunn, Dunn Flooring. Same as last week really, and the week before! Still
        looking for that introduction to a new-build site manager at Bellway. Dunn Flooring:
        we'll floor you.
        """,
        "intro close",
        "specific",
        {"really": 1},
        profile=Profile("Mike Dunn", "Dunn Flooring", "carpet fitter", "a new-build site manager"),
        note="Flooring is only in the business name: no good_at.",
    ),
    _pitch(
        "h-skip-hire-1",
        "skip hire",
        """
        Gill, Swindon Skips. Right, so, this week I'm not going to tell you what we do, most of
        you know by now. I just want to ask for one thing. Who do you know who's a site manager
        on a housing development in Swindon? Ideally one of the bigger ones, Bellway or
        Persimmon. That's it. That's the whole pitch. Thanks everyone.
        """,
        "intro who_help",
        "specific",
        {"just": 1},
        note="Site managers on housing developments are a described group, named in the ask. "
        "'most of you know by now' is not a filler.",
    ),
    _pitch(
        "h-conference-venue-1",
        "conference venue",
        """
        Last Thursday at half past four, a charity rang us. Their venue for Friday's trustees'
        away day had flooded overnight, sixty people, and they'd already printed the agendas. By
        six we'd moved our own bookings around, by eight the caterers had the dietary list, and
        at nine the next morning their chair was standing at the front of our Garden Room, with
        coffee, working microphones and a view of the lake. She told me afterwards she'd had the
        best night's sleep of the week. If your venue ever lets you down, remember the lake.
        """,
        "who_help example close",
        "none",
        note="No name or business. A venue let-down is the defining problem. The venue hire is "
        "only implied by the story: no good_at. 'remember the lake' is a hook, not a request.",
    ),
    _pitch(
        "h-digital-consultancy-1",
        "digital consultancy",
        """
        Good morning, I'm Simon Clarke, managing director of Clarke Digital Partners. We partner
        with ambitious organisations to unlock their potential through innovative, joined-up
        thinking. We're passionate about excellence and we pride ourselves on going the extra
        mile for every client. If you know anyone who wants to take their business to the next
        level, I'd love to have a conversation. Clarke Digital Partners: transforming tomorrow,
        today.
        """,
        "intro close",
        "generic",
        note="Unlocking potential through joined-up thinking names no service, product, skill "
        "or result: no good_at. 'ambitious organisations' is no described group.",
    ),
    _pitch(
        "h-dog-walker-1",
        "dog walker",
        """
        Quick one from me. Biscuit, the spaniel, you might have seen him on my posts, is thirteen
        now and he can't do the long walks any more, so on Tuesdays we just do the park and sit
        on the bench, and his owner, who works at the hospital, gets a photo of him at twelve
        o'clock every day. She says it's the best bit of her shift. That's the bit I love.
        Anyway. That's it from me. Cheers.
        """,
        "example",
        "none",
        note="'we just do the park' means only: not a filler. The walking is only implied by "
        "the story: no good_at.",
    ),
    _pitch(
        "h-stairlift-1",
        "mobility equipment",
        """
        Hi, Paul Greaves, Greaves Mobility. I'll keep it short this week, because I only want one
        thing: I'd love to meet an occupational therapist who works with the council's adult
        social care team in Stockport. If you know one, or you know someone who knows one,
        please come and find me at the break. Thank you.
        """,
        "intro who_help",
        "specific",
        profile=Profile(
            "Paul Greaves",
            "Greaves Mobility",
            "mobility equipment",
            "an occupational therapist in adult social care",
        ),
        note="Mobility is only in the business name: no good_at. The occupational therapists "
        "are a described group, named in the ask. 'you know someone who' is not a filler.",
    ),
    _pitch(
        "h-wine-merchant-1",
        "wine merchant",
        """
        Evening everyone, I'm Fran from the Corkscrew on Bridge Street. Christmas is coming, so
        you know what I'm going to say. If you've got clients to thank or a team to treat, come
        and see me, and I'll sort you out. And remember, a day without wine is like... well, I
        wouldn't know. Cheers!
        """,
        "intro who_help",
        "generic",
        note="'you know what I'm going to say' is meant literally: not a filler. Clients to thank "
        "or a team to treat is the defining need; 'come and see me' is a call to the whole "
        "room. 'I'll sort you out' names no product: no good_at. The joke is no close.",
    ),
    _pitch(
        "h-property-sourcing-1",
        "property sourcing",
        """
        Hello, I'm Jordan, Jordan Ellis, Ellis Property Partners. This is my third week, so I'm
        still, um, finding my feet, honestly. I come from a sales background, eight years selling
        cars, and I've always been into property. So, yeah, if anyone wants a chat about
        property, I'm, er, I'm happy to grab a coffee. Thanks everyone.
        """,
        "intro",
        "generic",
        {"um": 1, "honestly": 1, "er": 1},
        note="'a chat about property' names no service: no good_at. Eight years selling cars is "
        "his own story, not a differentiator. The coffee offer is to the whole room: generic.",
    ),
)
