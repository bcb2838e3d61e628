"""The sample data the demo draws from: names, businesses, notes, objectives, pitch scripts,
wants and haves. Only tables here; the code that builds the demo is in the sibling modules.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Amelia Ben Chloe Dev Eleanor Farid Grace Hamish Isla Jonas Kavya Liam Maya Niall Olu Priya "
    "Quentin Rosa Sanjay Tamsin Ugo Vera Wes Ximena Yusuf Zoë Aoife Björn Carys Dmitri Esme "
    "Fionn Gita Hugo Ines Jakub Keira Luca Marta Nadia Owen Petra Rhys Saoirse Tomás"
).split()

LAST_NAMES = (
    "Adeyemi Brennan Clarke Davies Evans Fitzgerald Gallagher Hughes Iqbal Jones Kowalski Lewis "
    "McKenzie Novak O'Brien Patel Quinn Robertson Singh Thompson Underwood Vaughan Walsh Young "
    "Zielinski Ahmed Byrne Chen Doyle Ellis Fraser Green Hall Ito Jensen Khan Lopez Murphy"
).split()

BUSINESSES = (
    ("Harbour Lane Accountants", "Accountant"),
    ("Brightside Print", "Print manager"),
    ("Keystone Commercial Law", "Solicitor"),
    ("Northgate Wealth", "Financial planner"),
    ("Oak & Ivy Interiors", "Interior designer"),
    ("Pixel Foundry", "Web developer"),
    ("Redwood Recruitment", "Recruitment consultant"),
    ("Summit IT Support", "IT consultant"),
    ("The Copy Desk", "Copywriter"),
    ("Tidewater Events", "Event planner"),
    ("Urban Nest Estates", "Estate agent"),
    ("Verity Insurance Brokers", "Insurance broker"),
    ("Willow Physio", "Physiotherapist"),
    ("Clearview Windows", "Director"),
    ("Greenfield Landscapes", "Landscape gardener"),
    ("Ledger & Co Bookkeeping", "Bookkeeper"),
    ("Bold Signal Marketing", "Marketing consultant"),
    ("Cornerstone Architects", "Architect"),
    ("Fresh Plate Catering", "Caterer"),
    ("Lighthouse Coaching", "Business coach"),
    ("Meridian Mortgages", "Mortgage adviser"),
    ("Stonebridge Builders", "Builder"),
    ("Crisp Photography", "Photographer"),
    ("Anchor Cleaning", "Operations manager"),
)

HOW_MET = (
    "Thursday breakfast club",
    "Chamber of commerce mixer",
    "Introduced by a client",
    "Regional business show",
    "Online networking hour",
    "Alumni dinner",
    "Referral group visitor day",
    "Met at a workshop on pricing",
)

WHERE_MET = ("The Grand Hotel", "Town hall", "Riverside café", "Online", "Exhibition centre")

TAGS = ("referral partner", "supplier", "client", "prospect", "hospitality", "property", "finance")

NOTES = (
    "Prefers early morning calls. Two children, keen cyclist.",
    "Looking to expand into the commercial market next year.",
    "Very well connected with local property developers.",
    "Ask about the charity bike ride in spring.",
    "Works mostly with start-ups; knows several angel investors.",
    "",
    "Good sounding board for pricing questions.",
)

KINDS = ("coffee", "call", "email", "meeting", "message", "event")

OBJECTIVES = (
    "Learn who their ideal client is, so I can spot referrals",
    "Find out how they win most of their work",
    "Agree whether we could run a joint workshop",
    "Understand their plans for next year and where I can help",
    "Ask for an introduction to the chamber's property group",
    "Learn how to recognise a good introduction for them",
    "Decide if they would join my board of advisors",
)

LEARNT = (
    "Most of their work comes from accountants; they want more from solicitors.",
    "They are opening a second office in the spring.",
    "Their best clients are family businesses with 10 to 50 staff.",
    "They hate cold introductions: a short email first, then a call.",
    "",
)

ACTIONS = (
    ("Send them the pricing guide", "me"),
    ("Introduce them to a solicitor I trust", "me"),
    ("Send me the name of their IT contact", "them"),
    ("Share the workshop outline", "me"),
    ("Connect me with their property group chair", "them"),
    ("Book the next one-to-one", "me"),
)

PLACES = ("Riverside café", "Their office", "online", "The Grand Hotel lounge", "My office")

PAST_EVENTS = (
    ("Weekly breakfast club", "breakfast", "The Grand Hotel", 90),
    ("Chamber of commerce mixer", "chamber", "Town hall", 120),
    ("Regional business show", "conference", "Exhibition centre", 360),
    ("Online networking hour", "online", "online", 60),
    ("Summer members' barbecue", "social", "Riverside café", 150),
)

# The pitch said at the demo's events: Sam Rivers's own, as the demo's pitches are.
PITCH = (
    "I'm Sam Rivers from Rivers Print: menus, flyers and shop signs for independent shops "
    "and cafés. A good referral is the owner of a restaurant about to open in town."
)

BREAKFAST_VERSIONS = (
    "Hi, um, I'm Sam Rivers and I basically run Rivers Print. We do printing, really, "
    "all sorts of things. I think we're quite good. So if anyone needs printing, let me know.",
    "I'm Sam Rivers from Rivers Print. We help local shops and cafés look as good on paper "
    "as they do in person: menus, flyers, signs. We're known for next-day turnaround. "
    "Unlike the online printers, you can come in and touch the paper before you buy. "
    "This week I'm looking for an introduction to someone who is opening a new restaurant.",
    "I'm Sam Rivers from Rivers Print. We help independent shops and cafés look as good on "
    "paper as they do in person: menus, flyers and shop signs. We're known for next-day "
    "turnaround, and unlike the online printers you can come in and feel the paper first. "
    "Last month a bakery on Mill Street doubled its lunch trade with one new menu board. "
    "This week I'm looking for an introduction to anyone opening a restaurant in town. "
    "Sam Rivers, Rivers Print: remember, good paper sells.",
)

CHAMBER_VERSIONS = (
    "I'm Sam from Rivers Print. We print menus, flyers and signs for local shops, "
    "usually by the next morning. I'd love an introduction to a new café owner.",
    "I'm Sam Rivers from Rivers Print: menus, flyers and signs for local shops, ready "
    "next morning. I'm looking for an introduction to a new café owner. Good paper sells.",
)

REHEARSAL_NOTES = ("", "Rushed the ask", "Slow down on the example", "Felt natural", "")

WANTS = (
    "introductions to commercial landlords",
    "a reliable bookkeeper",
    "speaking slots at business events",
    "clients in hospitality",
    "a good web developer",
    "referrals to growing start-ups",
    "a mentor for pricing",
    "warm leads in property",
)

HAVES = (
    "contacts at the chamber of commerce",
    "a list of trusted trades",
    "experience with grant applications",
    "a meeting room in town",
    "friends in local press",
    "access to angel investors",
    "a newsletter with 2,000 readers",
    "know-how on exporting",
)

GAINS_SAMPLES = {
    "gains_goals": ("Open a second office", "Double recurring revenue", "Win a regional award"),
    "gains_accomplishments": ("Ran a marathon", "Grew the team to twelve", "Published a book"),
    "gains_interests": ("Sailing", "Jazz piano", "Allotment gardening", "Rugby"),
    "gains_networks": ("Rotary club", "Alumni board", "Women in business forum"),
    "gains_skills": ("Negotiation", "Public speaking", "Spreadsheets", "Storytelling"),
}

REASON_KEYS = (
    "leads",
    "referral_sources",
    "refer_to",
    "market_intelligence",
    "camaraderie",
    "competitors",
)

ME_WANTS_HAVES = (
    ("want", "Needs a commercial property lawyer", "law"),
    ("want", "Introductions to hotel and restaurant owners", "hospitality"),
    ("have", "Can introduce good web developers", "web"),
    ("have", "Knows several angel investors", "funding"),
)

CONTACT_WANTS_HAVES = (
    ("have", "Solicitor specialising in commercial leases", "law"),
    ("have", "Has contacts in hospitality", "hospitality"),
    ("want", "Looking for a bookkeeper for a growing shop", "accounting"),
    ("have", "Chartered accountant for small firms", "accounting"),
    ("want", "Needs a new website before spring", "web"),
    ("want", "Seeking funding for a second café", "funding"),
    ("have", "Estate agent in the town centre", ""),
    ("want", "Help with estate planning and wills", ""),
    ("want", "Key account manager roles", ""),
    ("have", "Printing for brochures and flyers", "print"),
    ("want", "A printer for event banners", "print"),
    ("have", "Recruiter for hospitality staff", "hiring"),
    ("want", "Needs an interior designer for a new office", "interiors"),
    ("have", "Interior design studio", "interiors"),
    ("want", "Wants to meet architects", ""),
    ("have", "Photographer for headshots", "photography"),
)

LEDGER_NOTES = (
    "",
    "",
    "Over coffee after the breakfast",
    "Followed up by email",
    "Mentioned at the chapter meeting",
    "",
)
