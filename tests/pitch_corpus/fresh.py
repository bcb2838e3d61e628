"""A fresh set of labelled one-minute pitches, never used for tuning the structure check.

Written after ``PITCHES`` and ``HOLDOUT``, in the style of pitches transcribed at chapter
meetings: a third polished, two thirds messy (rambling, jokes, questions to the room, the
name only at the end, a forgotten ask). Mostly other trades than the other sets. Labelled by
hand by the definitions at the top of ``pitches.py`` before any check was run on them. Do
not read these pitches to adjust the check; read only the figures. Ids start with ``f-``.
"""

from __future__ import annotations

from netcoach.core.pitch.profile import Profile
from tests.pitch_corpus.pitches import LabelledPitch, _pitch

FRESH: tuple[LabelledPitch, ...] = (
    _pitch(
        "f-tiler-1",
        "tiler",
        """
        Morning all, Gareth Price, Price Tiling. I tile bathrooms, kitchens and wet rooms for
        people doing up older terraced houses in Swansea. Unlike most tilers I do the
        waterproof tanking myself and guarantee it for ten years in writing. Last month I
        stripped out a leaking shower in a Mumbles terrace and had a tanked wet room in by the
        Friday. This week I'd love an introduction to a kitchen showroom in Swansea that
        doesn't have its own fitters. Price Tiling, level from the first row.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Gareth Price", "Price Tiling", "tiler", "a kitchen showroom"),
    ),
    _pitch(
        "f-upholsterer-1",
        "upholsterer",
        """
        Hi all, so for those who don't know me, I basically bring old chairs back to life. Um,
        your nan's armchair, the sofa the cat got to, that kind of stuff. Who here has ever sat
        on a chair? Go on, hands up. Yeah, thought so. Anyway, if you know anyone who needs
        something reupholstered, send them my way. Oh, I'm Maureen, by the way, Second
        Sitting. That's me, thanks.
        """,
        "intro good_at",
        "generic",
        {"basically": 1, "um": 1, "stuff": 1},
        note="'that kind of stuff': 'kind of' means type, 'stuff' is vague filler. A chair "
        "or sofa is an item, not a described group. The name at the end is a sign-off, not "
        "a tagline, and the last sentence is 'that's me, thanks': no close.",
    ),
    _pitch(
        "f-piano-tuner-1",
        "piano tuner",
        """
        Right, er, piano tuning. I know, I know, not the most obvious one for a business
        breakfast. But schools, churches, care homes, they've all got a piano in the corner
        that hasn't been touched since about 1990. I tune them, I fix sticking keys, and I can
        tell you honestly whether it's worth saving. I had one last week in a village hall in
        Kirkby Lonsdale, a lovely old Broadwood, and the poor thing was a semitone flat. Anyway.
        That's me really. Cheers.
        """,
        "who_help good_at example",
        "none",
        {"er": 1, "really": 1},
        note="'tell you honestly whether' is the plain sense of honestly, not a filler. "
        "'Schools, churches, care homes' with a piano untouched since 1990 is a described "
        "group. No name or business anywhere: no intro.",
    ),
    _pitch(
        "f-tree-surgeon-1",
        "tree surgeon",
        """
        Good morning, I'm Callum Reid of Reid Arboriculture. We fell, reduce and survey trees
        for householders whose trees have got too big for the garden, and we handle the
        council paperwork for trees with a preservation order. Most firms leave you to apply
        yourself; we do the application and send the council our own survey, free. In March we
        took down a split beech leaning over a nursery in Didsbury, in one day, with the road
        closed and reopened just in time for the school run. I'd like to meet the estates
        manager at a housing association in south Manchester. Reid Arboriculture, we leave
        the garden tidier than we found it.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Callum Reid",
            "Reid Arboriculture",
            "tree surgeon",
            "the estates manager at a housing association",
        ),
        note="'just in time' is not a filler.",
    ),
    _pitch(
        "f-bsl-interpreter-1",
        "sign language interpreter",
        """
        Hello everyone, I'm Niamh Doyle and I'm a British Sign Language interpreter. I work with
        employers who have a deaf member of staff, at interviews, appraisals, team meetings and
        training days. What kind of meeting? Any kind, really. A good referral for me would be
        the HR manager at a firm that's just taken on a deaf employee and doesn't know where
        to start. Thank you.
        """,
        "intro who_help good_at",
        "specific",
        {"really": 1},
        note="'What kind of meeting? Any kind' is type, not a filler; 'just taken on' means "
        "recently. The close is thanks on its own.",
    ),
    _pitch(
        "f-hr-consultant-1",
        "hr consultant",
        """
        So, um, hi, I'm the HR person. Which I know sounds a bit scary. Basically if you've got
        staff, you've got HR stuff, whether you like it or not, contracts, sickness, the one
        who keeps turning up late. And I kind of sort that out so you don't have to. I think
        the thing is most small businesses just wing it until something goes wrong. So yeah,
        if anyone's got staff, give me a shout. Thanks.
        """,
        "good_at",
        "generic",
        {
            "um": 1,
            "a bit": 1,
            "basically": 1,
            "stuff": 1,
            "kind of": 1,
            "i think": 1,
            "just": 1,
            "so yeah": 1,
        },
        note="'the HR person' is a bare trade: no intro. 'If you've got staff' and 'small "
        "businesses' are too broad to be a described group. 'If anyone's got staff' is "
        "aimed at the whole room.",
    ),
    _pitch(
        "f-cyber-1",
        "cyber security consultant",
        """
        Hi all. Quick question to start: who here has had an email from their boss asking them
        to buy gift cards? Yeah, loads of you. I'm Tom Ashby, Ashby Cyber, and I help firms with
        ten to fifty staff stop that kind of thing getting through, and get their Cyber
        Essentials certificate so they can bid for council work. Unlike the big IT firms I don't
        sell you any software, I just test, report and train. Last month a joinery firm in
        Bolton passed Cyber Essentials in three weeks and won a school contract off the back of
        it. Who do you know who's bidding for public sector work? Ashby Cyber, phish us before
        they do.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Tom Ashby", "Ashby Cyber", "cyber security consultant", ""),
        note="'that kind of thing' is type. 'I just test, report and train' is 'only', not a "
        "filler. Someone bidding for public sector work is narrow enough to act on.",
    ),
    _pitch(
        "f-conveyancer-1",
        "conveyancer",
        """
        Hi everyone, for those who don't know me I do conveyancing, so buying and selling
        houses, the legal side. I've been doing it for twenty-two years, so I've pretty much
        seen it all. We really pride ourselves on being friendly and answering the phone, which
        honestly in conveyancing is rarer than you'd think. If you know anyone who's moving
        house, I'd be really grateful if you'd pass my name on. Sunita Rao, Rao Conveyancing,
        moving you home.
        """,
        "intro good_at close",
        "generic",
        {"pretty": 1, "really": 2, "honestly": 1},
        note="Twenty-two years, friendly and answering the phone are generic quality claims: "
        "not different. Anyone moving house is aimed at everyone, and moving house is the "
        "need for the trade itself rather than a described group or problem: no who_help "
        "(as with a new kitchen, a birthday or a party coming up elsewhere in this set).",
    ),
    _pitch(
        "f-osteopath-1",
        "osteopath",
        """
        Good morning, my name's Hannah Kerr from Bridge Street Osteopaths. I treat people whose
        backs and necks have seized up from sitting at a desk all day. Last month a bookkeeper
        came to me who couldn't turn her head to reverse the car, and after three sessions she
        was driving to clients again. I'd love to meet the office manager of any firm in Chester
        with more than twenty desk-based staff. Bridge Street Osteopaths, straighten up and fly
        right.
        """,
        "intro who_help good_at example close",
        "specific",
        profile=Profile("Hannah Kerr", "Bridge Street Osteopaths", "osteopath", ""),
        note="'I treat people whose backs and necks...' states the service (good_at). No "
        "contrast or concrete differentiator.",
    ),
    _pitch(
        "f-coffee-roaster-1",
        "coffee roaster",
        """
        Hiya. So I roast coffee. In a shed. Well, it's actually a unit now, my wife made me move
        it out of the shed after the smoke alarm incident. We supply cafes, offices, a couple
        of the delis in town. Maybe you've had it without knowing. The coffee this morning
        wasn't mine, by the way, which you can probably tell. Anyway, I think that's my minute.
        Jake from Shed Coffee.
        """,
        "intro good_at",
        "none",
        {"actually": 1, "maybe": 1, "i think": 1},
        note="Cafes, offices and delis are kinds of customer, not a described group with a "
        "problem, but close enough to judge: labelled absent as a bare list. The smoke alarm "
        "story is the speaker's own life. Name at the end is a sign-off, not a tagline.",
    ),
    _pitch(
        "f-drone-1",
        "drone surveyor",
        """
        Morning, Priya Nair, SkyLine Surveys. We fly drones over roofs, so roofers, surveyors
        and insurers can see the damage without anyone going up a ladder. Instead of
        scaffolding at eight hundred pounds, it's one visit at a fixed one hundred and fifty.
        Last week we surveyed a church roof in Harrogate in forty minutes and found the slipped
        slates the scaffold quote had missed. Do you know anyone who manages a roof? SkyLine
        Surveys, look up, not out.
        """,
        "intro who_help good_at different example close",
        "generic",
        note="'Do you know anyone who manages a roof?' is broad enough to be everyone. 'Do you "
        "know' is not a filler.",
    ),
    _pitch(
        "f-scaffolder-1",
        "scaffolder",
        """
        Alright. So I'm a scaffolder. Um. We put scaffolding up and, er, we take it down again,
        which is the bit people forget. Nah, we're pretty good, we've got eight lads and three
        wagons. Honestly we're just busy at the minute, I'm not really here for work, I'm here
        for the bacon sandwich. That's it. Cheers.
        """,
        "good_at",
        "none",
        {"um": 1, "er": 1, "pretty": 1, "honestly": 1, "just": 1, "really": 1},
        note="Eight lads and three wagons is a size, not a differentiator. 'The bit people "
        "forget' is a joke. No name or business: no intro.",
    ),
    _pitch(
        "f-glazier-1",
        "glazier",
        """
        Hi all, so for those who don't know me, I'm Lee, I run Clearview Glazing. We do
        replacement windows and doors, but what I really want to talk about this week is misted
        double glazing. You know when you look out and it's all foggy between the panes? Most
        companies tell you to replace the whole window. We just swap the sealed unit, the frame
        stays, and it's about a third of the price. Did one in Crosby on Monday, a big bay,
        forty minutes, done. So yeah, if anyone's got a misty window, come and see me.
        """,
        "intro who_help good_at different example",
        "generic",
        {"really": 1, "you know": 1, "so yeah": 1},
        note="'You know when you look out' is the filler sense. 'We just swap the sealed "
        "unit' means only, not a filler. Windows misted between the panes is a defining "
        "problem. Ends on the ask: no close.",
    ),
    _pitch(
        "f-kitchen-fitter-1",
        "kitchen fitter",
        """
        Hello, I'm Mark Fielding of Fielding Kitchens. I fit kitchens. Flat-pack, bespoke,
        whatever you've bought, I'll put it in. I've fitted over four hundred kitchens in
        Leicester, so there's not much I haven't seen. If anyone is thinking of a new kitchen,
        have a word. Fielding Kitchens, fitted right first time.
        """,
        "intro good_at close",
        "generic",
        note="Four hundred kitchens is a client count: not an example.",
    ),
    _pitch(
        "f-acupuncturist-1",
        "acupuncturist",
        """
        Hi everyone, um, so I'm an acupuncturist, and I know some of you are already pulling a
        face at the needles. They're very thin, I promise. A lot of the people I see have had
        migraines for years and tried everything, and I sort of work alongside what their GP is
        doing rather than instead of it. Maybe have a think about whether you know anyone like
        that. Oh, and it's Lucy, Lucy Tang Acupuncture.
        """,
        "intro who_help good_at different",
        "generic",
        {"um": 1, "very": 1, "sort of": 1, "maybe": 1},
        note="'Alongside what their GP is doing rather than instead of it' is an explicit "
        "contrast. The treatment is acupuncture, stated. The name at the end is a sign-off "
        "after the ask, not a tagline: no close.",
    ),
    _pitch(
        "f-nutritionist-1",
        "nutritionist",
        """
        Good morning, I'm Grace Obi, and I run Fuel Well. I write eating plans for shift
        workers, nurses, drivers, warehouse staff, whose meals are all over the place. Unlike a
        diet club there's no weigh-in and no points, just a plan built round your rota. A
        paramedic I worked with last spring stopped falling asleep at the wheel on the drive
        home after nights. I'd love an introduction to the wellbeing lead at a hospital trust
        or an ambulance station. Fuel Well, eat for the shift you're on.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile(
            "Grace Obi", "Fuel Well", "nutritionist", "the wellbeing lead at a hospital"
        ),
        note="'just a plan built round your rota' means only: not a filler.",
    ),
    _pitch(
        "f-life-coach-1",
        "life coach",
        """
        Hi, so, I help people find their purpose. I know that sounds really woolly. But
        basically, I think a lot of us just sort of drift, you know, and wake up at forty-five
        wondering what happened. I'm passionate about what I do and I really care about my
        clients. So if you know anyone who feels a bit stuck, I'd love to chat. Thank you.
        """,
        "",
        "generic",
        {
            "really": 2,
            "basically": 1,
            "i think": 1,
            "just": 1,
            "sort of": 1,
            "you know": 1,
            "a bit": 1,
        },
        note="'Help people find their purpose' is too vague to be a service; 'anyone who feels "
        "a bit stuck' is aimed at everyone. 'If you know anyone' is not a filler.",
    ),
    _pitch(
        "f-packaging-1",
        "packaging supplier",
        """
        Hello, I'm Ravi from BoxSmart. We make custom printed boxes for online shops that have
        outgrown plain brown cardboard. Our minimum order is fifty boxes, where most
        manufacturers won't look at you under a thousand. We did a run of two hundred for a
        candle maker in Hebden Bridge, and her unboxing videos went from a handful of views to
        thousands. Who do you know who sells on Etsy and posts more than twenty parcels a
        week? BoxSmart, open with a smile.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Ravi", "BoxSmart", "packaging supplier", "an online seller"),
    ),
    _pitch(
        "f-courier-1",
        "courier",
        """
        Hi all, Dean, Dash Couriers. Same-day, anywhere in the country. Documents, parts,
        samples, whatever you need moving today, we'll move it. We're fast, reliable and our
        prices are great. Anyone who ever needs something there today, grab one of my cards.
        Dash Couriers, if it's urgent, it's Dash.
        """,
        "intro good_at close",
        "generic",
        note="Fast, reliable and great prices are generic quality claims.",
    ),
    _pitch(
        "f-security-1",
        "security guard company",
        """
        Morning everyone. Er, I'm Steve, I run a security company, Sentinel. So, we do manned
        guarding, key holding, alarm response, that sort of thing. I used to be in the police,
        twenty years, so I know what I'm talking about. And, er, what else. Oh yeah. I was
        going to say something about referrals but I've forgotten what. That's me anyway.
        """,
        "intro good_at",
        "none",
        {"er": 2},
        note="'That sort of thing' is type. Twenty years in the police is the speaker's own "
        "life story. The forgotten ask is no ask.",
    ),
    _pitch(
        "f-it-recycling-1",
        "it recycling",
        """
        Hi everyone, I'm Ola Bankole from ReBoot Recycling. When an office upgrades its laptops,
        the old ones usually sit in a cupboard for three years because nobody knows how to get
        rid of them safely. We collect them free, wipe the drives to a certified standard and
        give you a certificate for your data protection records. Unlike a scrap dealer, we
        refurbish what we can and donate it to schools. In June we cleared a hundred and twenty
        laptops from an accountancy firm in Reading, and sixty of them went to a primary school
        in Slough. I'd love an introduction to the office manager at a firm that's about to
        replace its computers. ReBoot, your old laptop's second life.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Ola Bankole", "ReBoot Recycling", "IT recycling", ""),
    ),
    _pitch(
        "f-bridal-1",
        "bridal shop",
        """
        Hi, it's Jo from Ivory Lane Bridal. Now I know there's not many brides in this room, at
        least I don't think so, unless Colin's got something to tell us. But you all know
        someone who's engaged. We're a small shop, appointment only, so you get the whole shop
        to yourself for two hours with your mum and your best friend and a glass of fizz, which
        the big stores in town don't do. So, do you know anyone who's just got engaged? Ivory
        Lane, say yes to the dress.
        """,
        "intro who_help different close",
        "specific",
        note="'I don't think so' is a plain statement, not the hedge 'i think'. Brides-to-be "
        "is a described group; 'someone who's just got engaged' is narrow enough to act on, "
        "and 'just' there means recently. The service (selling wedding dresses) is only "
        "implied by the shop and the tagline: good_at absent. The joke about Colin is not "
        "an example.",
    ),
    _pitch(
        "f-jeweller-1",
        "jeweller",
        """
        Hello everyone, Anil Mehta, Mehta & Daughters. Most people think of us for engagement
        rings, and we do make a lot of them. But the thing I love is remaking. You've got your
        grandmother's ring in a drawer that you'd never wear, and we melt it down and make it
        into something you would. Last month we turned a widow's wedding band and her late
        husband's cufflinks into a pendant for her granddaughter. Mehta & Daughters, your gold,
        your story.
        """,
        "intro who_help good_at example close",
        "none",
        note="People with an inherited ring they'd never wear is a defining problem. "
        "Remaking old jewellery is the service. No contrast with others: different absent. "
        "No request at all.",
    ),
    _pitch(
        "f-tailor-1",
        "tailor",
        """
        So hi, I'm a tailor. Alterations mostly, hems, taking things in, letting things out
        after Christmas, we've all been there. I'm actually really quick, I can usually do a
        hem while you wait. Um, what else. If anyone's got anything that doesn't fit, bring it
        in, I'm on the high street next to the bank. Honestly that's it. Thanks.
        """,
        "who_help good_at",
        "generic",
        {"actually": 1, "really": 1, "um": 1, "honestly": 1},
        note="Clothes that don't fit is a defining problem (who_help), though the ask to "
        "anyone who has some is generic. A bare trade and no shop name: no intro. Being "
        "quick is a generic claim; a hem while you wait is close but labelled not a "
        "concrete differentiator without a contrast.",
    ),
    _pitch(
        "f-music-teacher-1",
        "music teacher",
        """
        Hi all, for those who don't know me I teach guitar and ukulele, mostly to adults who
        always wanted to play and gave up at school. I had a chap start with me at sixty-eight,
        couldn't play a chord, and in April he played at his granddaughter's wedding. Bit of a
        lump in the throat, that one. So yeah, who do you know who's always said they'd like
        to learn an instrument? Rob Wild, Wild Strings.
        """,
        "intro who_help good_at example",
        "generic",
        {"so yeah": 1},
        note="'Who do you know who's always said they'd like to learn' is aimed at everyone. "
        "The sign-off with the name comes after the ask and is no tagline: close absent. "
        "'Bit of a lump' is not the phrase 'a bit'.",
    ),
    _pitch(
        "f-swim-coach-1",
        "swimming coach",
        """
        Good morning. I'm Kelly Strand, and I run Deep End Swim School. We teach adults who are
        frightened of the water, the ones who sit by the pool on holiday while the kids swim.
        Our lessons are in a warm, shallow teaching pool with no more than three people in the
        water, not a public lane with forty others. In September a fifty-year-old nurse who
        couldn't put her face in the water swam her first length. Deep End, because everyone
        starts somewhere.
        """,
        "intro who_help good_at different example close",
        "none",
        profile=Profile("Kelly Strand", "Deep End Swim School", "swimming coach", ""),
        note="No request for a referral anywhere.",
    ),
    _pitch(
        "f-pub-1",
        "pub landlord",
        """
        Evening all, well, morning, feels like evening. So I'm Gaz and I run the Red Lion in
        Thornbury. I guess what I'm after is, we've done up the back room and it's a pretty
        good space for a party, forty people, its own bar. Maybe a christening or a fortieth,
        that kind of size. If anyone's got a do coming up, we'd love to have you. And the
        quiz is Thursdays. Cheers.
        """,
        "intro good_at",
        "generic",
        {"i guess": 1, "pretty": 1, "maybe": 1},
        note="'That kind of size' is type. A room for a party of forty is the service. "
        "Ends on the quiz and thanks: no close.",
    ),
    _pitch(
        "f-cake-maker-1",
        "cake maker",
        """
        Hi, I'm Bea, Bea's Bakes. Celebration cakes, birthdays, weddings, anything really.
        I did a cake last month shaped like a pretty convincing Labrador for a vet's retirement
        and the vet cried, actually cried. I'm literally the only person in Stroud who'll do a
        dog cake that looks like the actual dog. Who do you know with a birthday coming up?
        Bea's Bakes, you name it, I'll bake it.
        """,
        "intro good_at different example close",
        "generic",
        {"really": 1, "pretty": 1, "actually": 1, "literally": 1},
        note="'Actually cried' is labelled as the filler; 'the actual dog' is not the "
        "phrase. The only one in Stroud doing a lookalike dog cake is a concrete "
        "differentiator. A birthday coming up is everyone.",
    ),
    _pitch(
        "f-energy-broker-1",
        "energy broker",
        """
        Morning all. Quick one. When did you last check what you're paying for your business
        electricity? Most of you are on the rate your supplier rolled you onto because nobody
        had time to shop around. I'm Dan Hollis from Volt Brokers, and we compare thirty
        suppliers for businesses with their own premises. We're paid by the supplier, not by
        you, and we don't tie you in. Last month we saved a dental practice in Wokingham eleven
        thousand pounds a year. I'd love to meet the owner of a restaurant or a gym whose
        contract ends this winter. Volt Brokers, stop paying the lazy rate.
        """,
        "intro who_help good_at different example close",
        "specific",
        profile=Profile("Dan Hollis", "Volt Brokers", "energy broker", ""),
    ),
    _pitch(
        "f-grant-writer-1",
        "grant writer",
        """
        Hiya, so I write funding bids. For charities mostly. Which, I know, everyone in here
        is a business, so you're thinking, why is she here. Um. Well. A lot of you sit on
        boards or know someone who does. And I think most small charities are sort of terrified
        of the big funders. So if you know a charity that's struggling with funding, you know
        where I am. Thanks.
        """,
        "who_help good_at",
        "generic",
        {"um": 1, "i think": 1, "sort of": 1},
        note="'You know where I am' and 'if you know a charity' are not fillers. Small "
        "charities terrified of big funders is a described group. 'A charity that's "
        "struggling with funding' is broad: generic. No name: no intro.",
    ),
    _pitch(
        "f-patent-1",
        "patent attorney",
        """
        Good morning, Helen Ward, Ward IP. I protect inventions, brands and designs for
        engineering firms with something new they want to sell before someone copies it. Most
        patent firms bill by the hour; we quote a fixed fee for a UK filing before we start.
        This week I'd like to meet Martin Chen at the Sheffield Innovation Hub, who I hear runs
        the start-up programme. Ward IP, keep your idea yours.
        """,
        "intro who_help good_at different close",
        "specific",
        note="Naming Martin Chen makes the ask specific.",
    ),
    _pitch(
        "f-cctv-1",
        "cctv installer",
        """
        Hi everybody. Right, so, cameras. I fit CCTV, mainly for shops and pubs, and the odd
        house. You know what it's like, you get broken into once and then you want cameras
        everywhere. We had a corner shop in Walton last year, kids nicking sweets every day,
        we put four cameras in and the police had them on the Monday. Basically if you've got
        a shop, you need cameras, simple as. Anyone who wants a quote, I'll do it free. Anyway,
        that's me, Karl, Eyewitness Security.
        """,
        "intro who_help good_at example",
        "generic",
        {"you know": 1, "basically": 1},
        note="Shops and pubs that have been broken into is a described group. 'Anyone who "
        "wants a quote' is generic. The last sentence is 'that's me' with the name: no close.",
    ),
    _pitch(
        "f-audiologist-1",
        "audiologist",
        """
        Hello, I'm Dr Sam Bell of Clear Hearing in Ludlow. I test hearing and fit hearing aids
        for people who've started turning the telly up and asking everyone to repeat
        themselves. Unlike the high street chains we're not on commission, so if you don't need
        an aid I'll tell you. Last week a retired farmer came in convinced he was going deaf,
        and it was wax; ten minutes of microsuction and he could hear his watch tick. Clear
        Hearing, listen to us.
        """,
        "intro who_help good_at different example close",
        "none",
        profile=Profile("Sam Bell", "Clear Hearing", "audiologist", ""),
    ),
    _pitch(
        "f-van-hire-1",
        "van hire",
        """
        Hi all, so for those who don't know, we hire vans. Transits, Lutons, a couple of
        minibuses. Erm, I was going to tell you a story about a stag do and a minibus but I've
        been told I'm not allowed. So. Yeah. If anyone needs a van, or maybe a minibus, give us
        a ring. Or don't. I'm kidding. Please do. Thanks.
        """,
        "good_at",
        "generic",
        {"erm": 1, "maybe": 1},
        note="No name or business. 'So. Yeah.' split into two sentences is not the phrase "
        "'so yeah' as spoken together: not labelled. The withheld story is no example.",
    ),
    _pitch(
        "f-plasterer-1",
        "plasterer",
        """
        Morning, Ian Platt, Platt Plastering. I skim walls and ceilings for landlords between
        tenants, when the place has got to be ready for a new let by the weekend. I'm the only
        plasterer round here who works Saturdays and Sundays at weekday rates. A good referral
        for me would be Claire Boyd at Homestead Lettings, who's got twenty flats turning over
        this summer. Platt Plastering, smooth by Monday.
        """,
        "intro who_help good_at different close",
        "specific",
        profile=Profile("Ian Platt", "Platt Plastering", "plasterer", "a letting agent"),
    ),
    _pitch(
        "f-seamstress-1",
        "curtain maker",
        """
        Hi everyone. So, er, curtains and blinds, made to measure. I do a lot of bay windows,
        the awkward ones nobody else wants to touch. I did a big job in a pretty Victorian
        house in Clifton, five bays, and honestly it looks lovely now. Yeah. So, what kind of
        windows have you lot got? I'm kidding. Okay, that's me, thank you.
        """,
        "good_at example",
        "none",
        {"er": 1, "honestly": 1},
        note="'A pretty Victorian house' means attractive and 'what kind of windows' is "
        "type: neither is a filler. 'The awkward ones nobody else wants to touch' is a "
        "boast, not a described group of people. No name: no intro.",
    ),
    _pitch(
        "f-wedding-dj-1",
        "wedding dj",
        """
        Hi all, so for those who don't know me I'm the DJ. Yeah, that guy. Last Saturday I had
        a wedding in Tewkesbury where the groom's nan requested Motorhead, and honestly, best
        dancefloor of the year. Um, that's kind of it. That's me, thanks.
        """,
        "example",
        "none",
        {"honestly": 1, "um": 1, "kind of": 1},
        note="A bare trade: no intro, no good_at. The Tewkesbury wedding is a concrete case "
        "with a detail and an outcome.",
    ),
    _pitch(
        "f-tattoo-1",
        "tattoo artist",
        """
        Hey everyone, Jade, Black Rose Tattoo in Digbeth. Yes, I'm the one with the sleeves.
        Who in here has got a tattoo? Go on. More than you'd think, right? Anyway, do you know
        anyone who's just turned eighteen? Kidding, kidding. Black Rose, ink that lasts.
        """,
        "intro close",
        "none",
        note="Tattooing is only in the business name: no service stated. The ask is taken "
        "back as a joke at once: none. 'Just turned' means recently.",
    ),
    _pitch(
        "f-stonemason-1",
        "stonemason",
        """
        Morning all, Owen Lewis, Lewis Stoneworks. My granddad started the yard in 1952, my dad
        ran it, now it's me, and my daughter's just started her apprenticeship, so that's four
        generations. We're up behind the station if you're ever passing. A good referral for
        me would be the bereavement officer at a funeral director's in Brecon. Lewis
        Stoneworks, set in stone.
        """,
        "intro close",
        "specific",
        profile=Profile("Owen Lewis", "Lewis Stoneworks", "stonemason", "a funeral director"),
        note="Four generations is the family's own story and a length-of-service claim: not "
        "an example, not different. No service is stated.",
    ),
    _pitch(
        "f-auctioneer-1",
        "auctioneer",
        """
        Hello everyone, Fiona Marsh, Marsh & Co Auctioneers. Quick story. Last month a lady
        brought in a vase she'd been using as an umbrella stand for thirty years. It went under
        the hammer for fourteen thousand pounds. So, er, what's by your front door? Have a look
        tonight.
        """,
        "intro example",
        "none",
        {"er": 1},
        note="Selling at auction is only implied by the story: no good_at. Ends on a "
        "question to the room: no close.",
    ),
    _pitch(
        "f-lift-engineer-1",
        "lift engineer",
        """
        Hi all, so, lifts. Going up. Sorry. I'm the lift man, for those who don't know me, I've
        been doing it since I was sixteen, so that's thirty years of, um, lifts. If you know
        anyone who needs a lift engineer, send them my way. Cheers.
        """,
        "",
        "generic",
        {"um": 1},
    ),
    _pitch(
        "f-magician-1",
        "magician",
        """
        Evening, er, morning. I'm Mystic Mike. Real name Mike Bradley, but that doesn't look as
        good on a poster. Pick a card. No, go on, pick one, Sue. Is it the seven of hearts? It's
        not. Okay, well, it usually works. A good referral for me would be the events manager
        at a hotel that does a lot of weddings. Thanks.
        """,
        "intro",
        "specific",
        {"er": 1},
        note="A trick tried in the room is not a case of the work with a result. No act or "
        "service is stated.",
    ),
    _pitch(
        "f-chauffeur-1",
        "chauffeur",
        """
        Hi all, Graham, Silver Cloud Cars. Well, Graham, that's it really. I'll keep it short
        because I've got an airport run at ten. Maybe next week I'll do a proper one. Cheers.
        """,
        "intro",
        "none",
        {"really": 1, "maybe": 1},
    ),
    _pitch(
        "f-gym-1",
        "gym owner",
        """
        Hi, I'm Lauren Hale and I own Hale Fitness on Bridge Road. Who do you know who's just
        retired and wants to stay active? Hale Fitness, never too late.
        """,
        "intro who_help close",
        "specific",
        profile=Profile("Lauren Hale", "Hale Fitness", "gym owner", "someone newly retired"),
        note="Hard case: someone who has just retired and wants to stay active is a situation "
        "narrow enough to act on: specific (and the described group). 'Just retired' means "
        "recently. What the gym offers is not stated: no good_at.",
    ),
)
