"""Build wire_copy.jsonl: a blind held-out set for agency/dateline/byline/body cleaning.

    python tests/data/wire_heldout/make_wire_copy.py   # rewrites wire_copy.jsonl next to this file

Written without reading the cleaner's rules or cases (see README.md here). Each case gives the
clean body as paragraphs and the raw text is BUILT from them (wrappers, datelines, bylines,
trailers, scripts added around/between), so every story word of `expect.body` is by
construction in `text`. The checks at the bottom fail loudly if that is ever not true.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

AP_COPYRIGHT = (
    "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed."
)
MENAFN_DISCLAIMER = (
    "Legal Disclaimer:\nMENAFN provides the information \u201cas is\u201d without warranty of any kind. "
    "We do not accept any responsibility or liability for the accuracy, content, images, videos, "
    "licenses, completeness, legality, or reliability of the information contained in this article. "
    "If you have any complaints or copyright issues related to this article, kindly contact the "
    "provider above."
)
GTAG = "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1712345678901-0'); });"
DATALAYER = "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());"

CASES: list[dict] = []


def case(
    id: str,
    tags: list[str],
    published_at: str,
    paras: list[str],
    *,
    lead: str = "",
    pre: list[str] = (),
    post: list[str] = (),
    inserts: dict[int, list[str]] | None = None,
    hints: dict | None = None,
    sep: str = "\n\n",
    syndicator: str | None = None,
    provider: str | None = None,
    agency: str | None = None,
    place: str | None = None,
    date: str | None = None,
    byline: str | None = None,
) -> None:
    """Compose raw text = pre + [lead + first para] + rest (with junk inserted before index i) + post."""
    raw = []
    for i, p in enumerate(paras):
        raw.extend((inserts or {}).get(i, []) if i else [])
        raw.append(lead + p if i == 0 else p)
    text = sep.join(list(pre) + raw + list(post))
    tags = list(tags)
    if MENAFN_DISCLAIMER in post and "removed:menafn-disclaimer" not in tags:
        tags.append("removed:menafn-disclaimer")
    if MENAFN_DISCLAIMER in post and post[-1] != MENAFN_DISCLAIMER and "menafn-trailer-not-last" not in tags:
        tags.append("menafn-trailer-not-last")
    CASES.append(
        {
            "id": id,
            "text": text,
            "published_at": published_at,
            "hints": hints or {},
            "expect": {
                "syndicator": syndicator,
                "provider": provider,
                "agency": agency,
                "dateline_place": place,
                "dateline_date": date,
                "byline": byline,
                "body": "\n\n".join(paras),
            },
            "tags": tags,
        }
    )


# --------------------------------------------------------------------------- AP
case(
    "wh-ap-01",
    ["aggregator-prefix", "dateline-odd-spacing", "dateline-qualifier"],
    "2025-03-02T18:40:00Z",
    [
        "Borough officials closed two blocks of Main Street on Sunday after a water main installed in 1931 burst overnight, flooding basements and leaving about 600 homes with low pressure.",
        "Crews from the New Jersey American Water company expected to finish repairs by Monday evening, spokeswoman Dana Whitlock said.",
        "The borough's two elementary schools will open on a delayed schedule, the district said.",
    ],
    lead="AP - OAKLAND , N.J., March 2 - ",
    agency="AP",
    place="Oakland",
    date="2025-03-02",
)

case(
    "wh-ap-02",
    ["agency-dateline", "byline", "removed:copyright-line"],
    "2025-07-03T14:05:00Z",
    [
        "Wall Street drifted higher on Thursday as a stronger-than-expected jobs report eased worries that the economy is stalling, pushing the S&P 500 to another record ahead of the Independence Day holiday.",
        "The benchmark index rose 0.6% in a shortened trading day. The Dow Jones Industrial Average added 310 points, or 0.7%, and the Nasdaq composite climbed 0.9%.",
        "Employers added 147,000 jobs last month, more than the 110,000 economists had forecast, and the unemployment rate slipped to 4.1%, the Labor Department said.",
        "Treasury yields rose after the report. The yield on the 10-year Treasury climbed to 4.34% from 4.29% late Wednesday.",
        "U.S. markets will be closed Friday for the holiday.",
    ],
    lead="NEW YORK (AP) \u2014 ",
    pre=["By DANIEL OKAFOR, AP Business Writer"],
    post=[AP_COPYRIGHT],
    agency="AP",
    place="New York",
    byline="Daniel Okafor",
)

case(
    "wh-ap-03",
    ["agency-dateline", "byline", "byline-two-names", "removed:contributor-line"],
    "2025-06-18T21:10:00Z",
    [
        "A wildfire that started near a campground in the Santa Cruz Mountains had burned more than 2,300 acres by Wednesday afternoon and forced the evacuation of about 1,400 residents, fire officials said.",
        "The Ridge Fire was 15% contained. Gusty winds and temperatures near 100 degrees (38 Celsius) were expected to persist through Thursday, said Capt. Lorena Ibarra of the California Department of Forestry and Fire Protection.",
        "\u201cThe next 48 hours are going to tell us a lot,\u201d Ibarra said at a briefing in Scotts Valley.",
        "No injuries had been reported. At least six outbuildings were destroyed.",
    ],
    lead="BOULDER CREEK, Calif. (AP) \u2014 ",
    pre=["By MARIA L. FUENTES and TOM BRANDT Associated Press"],
    post=["___", "Associated Press writer Kevin Ostrander in Los Angeles contributed to this report."],
    agency="AP",
    place="Boulder Creek",
    byline="Maria L. Fuentes and Tom Brandt",
)

case(
    "wh-ap-04",
    ["outlet-dateline-no-agency-tag", "removed:signoff-the-associated-press"],
    "2025-05-11T03:30:00Z",
    [
        "A small plane crashed into a parking lot near the Van Nuys Airport on Saturday, killing the pilot and injuring a man who was loading groceries into his car, authorities said.",
        "The single-engine Beechcraft had taken off minutes earlier and reported engine trouble, according to the Federal Aviation Administration.",
        "The National Transportation Safety Board will investigate.",
    ],
    lead="LOS ANGELES \u2014 ",
    post=["The Associated Press"],
    agency="AP",
    place="Los Angeles",
)

case(
    "wh-ap-05",
    ["agency-dateline", "removed:ap-funding-trailer"],
    "2025-07-01T10:00:00Z",
    [
        "Drought has cut the flow of the Zambezi River to its lowest level in nearly a century, forcing Zambia and Zimbabwe to ration power from the Kariba Dam to a few hours a day.",
        "Kariba's reservoir was 11% full last week, according to the Zambezi River Authority, which manages the dam for both countries.",
        "Small businesses that depend on electricity say they are running diesel generators at a cost many cannot sustain. \u201cI pay more for fuel than for rent now,\u201d said Mutale Banda, who runs a welding shop in Lusaka.",
        "Scientists say the region's droughts are becoming more frequent and severe as the climate warms.",
    ],
    lead="LUSAKA, Zambia (AP) \u2014 ",
    post=[
        "___",
        "The Associated Press\u2019 climate and environmental coverage receives financial support from multiple private foundations. AP is solely responsible for all content. Find AP\u2019s standards for working with philanthropies, a list of supporters and funded coverage areas at AP.org.",
    ],
    agency="AP",
    place="Lusaka",
)

case(
    "wh-ap-06",
    ["agency-dateline", "removed:ap-follow-trailer", "removed:copyright-line"],
    "2025-11-05T04:15:00Z",
    [
        "Voters in Maine on Tuesday rejected a proposal to borrow $300 million for broadband expansion, according to unofficial results.",
        "Supporters had argued that rural parts of the state still lack reliable internet service. Opponents said the state should wait for federal money already promised.",
    ],
    lead="AUGUSTA, Maine (AP) \u2014 ",
    post=[
        "___",
        "Follow AP\u2019s coverage of the elections at https://apnews.com/hub/election-2025.",
        AP_COPYRIGHT,
    ],
    agency="AP",
    place="Augusta",
)

case(
    "wh-ap-07",
    ["agency-dateline", "script-fragment", "removed:script"],
    "2025-04-22T16:45:00Z",
    [
        "The United Nations Security Council met in an emergency session on Tuesday after fighting near a refugee camp in eastern Congo displaced an estimated 40,000 people in three days.",
        "U.N. humanitarian chief Elena Marchetti told council members that aid convoys had been blocked at two checkpoints and that the camp's only clinic had run out of antibiotics.",
        "Several members called for an immediate ceasefire. No resolution was put to a vote.",
    ],
    lead="UNITED NATIONS (AP) \u2014 ",
    inserts={1: [DATALAYER], 2: [GTAG]},
    agency="AP",
    place="United Nations",
)

case(
    "wh-ap-08",
    ["hard-negative-ends-agency-name", "agency-dateline"],
    "2025-08-14T19:20:00Z",
    [
        "A Boeing 737 operated by a regional carrier made an emergency landing in Des Moines on Thursday after the crew reported smoke in the cabin. None of the 121 passengers was hurt.",
        "Passengers left the plane on emergency slides, the airport said.",
        "The airline said the aircraft would be inspected and that it was cooperating with federal investigators, in a statement to The Associated Press.",
    ],
    lead="DES MOINES, Iowa (AP) \u2014 ",
    agency="AP",
    place="Des Moines",
)

case(
    "wh-ap-09",
    ["agency-in-hints", "no-dateline"],
    "2025-09-09T12:00:00Z",
    [
        "The Federal Trade Commission on Tuesday sued a ticket resale company it accused of hiding fees until the final step of checkout, in the first case brought under a rule that took effect in May.",
        "The company did not immediately respond to a request for comment.",
    ],
    hints={"author": "AP"},
    agency="AP",
)

case(
    "wh-ap-10",
    ["agency-dateline", "byline", "removed:copyright-line", "removed:contributor-line", "long"],
    "2025-02-11T23:55:00Z",
    [
        "Tens of thousands of people marched through the capital on Tuesday to protest a proposed pension overhaul that would raise the retirement age from 62 to 64, in the biggest demonstration since the government took office.",
        "Police estimated the crowd at 82,000, while the unions that organized the march put it at more than 300,000.",
        "The protest was largely peaceful, though police fired tear gas near the Place de la Nation after a group of masked demonstrators smashed the windows of a bank branch. Twelve people were arrested.",
        "Labor Minister Claire Dubreuil said the government was open to adjustments but would not abandon the plan, which it says is needed to keep the pension system solvent.",
        "\u201cWe have listened, and we will keep listening,\u201d Dubreuil told broadcaster TF1. \u201cBut doing nothing is not an option.\u201d",
        "Unions have called another day of strikes for next Thursday, with rail and air traffic expected to be disrupted.",
        "Opinion polls show about two-thirds of the French oppose the change.",
    ],
    lead="PARIS (AP) \u2014 ",
    pre=["By CAMILLE ROUSSEL Associated Press"],
    post=["___", "Associated Press writer Henri Batiste in Paris contributed.", AP_COPYRIGHT],
    agency="AP",
    place="Paris",
    byline="Camille Roussel",
)


# --------------------------------------------------------------------------- Reuters
case(
    "wh-reuters-01",
    ["agency-dateline", "removed:signoff-reuter"],
    "2025-07-04T10:12:00Z",
    [
        "British house prices fell unexpectedly in June as the end of a temporary tax break on property purchases continued to weigh on demand, mortgage lender Halifax said on Friday.",
        "Prices dropped 0.3% on the month, confounding expectations in a Reuters poll of economists for a 0.1% rise. Annual growth slowed to 2.5% from 2.7% in May.",
        '"The housing market has been through a period of adjustment," said Joanne Pryor, head of mortgages at Halifax.',
    ],
    lead="LONDON, July 4 (Reuters) - ",
    post=["Reuter"],
    agency="Reuters",
    place="London",
    date="2025-07-04",
)

case(
    "wh-reuters-02",
    ["agency-dateline", "removed:signoff-reuters", "removed:reporting-credits"],
    "2025-06-12T15:30:00Z",
    [
        "The U.S. Senate on Thursday confirmed the president's nominee to lead the Federal Aviation Administration, as the agency grapples with air traffic controller shortages and aging equipment.",
        "The vote was 53-44, largely along party lines.",
        "Several senators cited a series of outages at Newark Liberty International Airport this spring as evidence that the agency's systems needed urgent investment.",
    ],
    lead="WASHINGTON (Reuters) - ",
    post=["(Reporting by Nolan Burke; Editing by Paul Ingram)", "Reuters"],
    agency="Reuters",
    place="Washington",
)

case(
    "wh-reuters-03",
    ["aggregator-prefix"],
    "2025-05-20T08:00:00Z",
    [
        "Indonesia's central bank unexpectedly cut its benchmark interest rate by 25 basis points on Tuesday, saying inflation was under control and the rupiah had stabilised after heavy selling in April.",
        "The seven-day reverse repurchase rate was lowered to 5.50%. Only nine of 31 economists polled had expected a cut.",
    ],
    lead="Reuters - ",
    agency="Reuters",
)

case(
    "wh-reuters-04",
    ["aggregator-prefix", "no-place"],
    "2025-07-02T13:45:00Z",
    [
        "Tesla's quarterly deliveries fell for a second straight quarter, the electric-car maker said on Wednesday, as competition from Chinese rivals intensified and buyers held off ahead of a refreshed Model Y.",
        "The company handed over 384,122 vehicles in the April-June period, down 13.5% from a year earlier, compared with analysts' average estimate of 387,000 according to Visible Alpha.",
        "Shares were up 3% in premarket trading.",
    ],
    lead="(Reuters) - ",
    agency="Reuters",
)

case(
    "wh-reuters-05",
    ["agency-dateline", "byline", "removed:reporting-credits", "removed:reuters-standards-trailer"],
    "2025-03-18T11:20:00Z",
    [
        "Germany's parliament on Tuesday approved a plan to loosen the country's strict debt rules to allow higher defence spending and a 500-billion-euro infrastructure fund, clearing the way for one of the biggest fiscal shifts since reunification.",
        "The package won 513 votes in the 630-seat Bundestag, more than the two-thirds majority needed to change the constitution.",
        "It still needs the approval of the upper house, the Bundesrat, which is due to vote on Friday.",
        "German bond yields, which jumped when the plan was first announced, were little changed after the vote.",
    ],
    lead="BERLIN, March 18 (Reuters) - ",
    pre=["By Katrin Vogt and Lukas Brenner"],
    post=[
        "Reporting by Katrin Vogt, Lukas Brenner and Elena Kraus; Writing by Tom Hargreaves; Editing by Ros Dunmore",
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
    ],
    agency="Reuters",
    place="Berlin",
    date="2025-03-18",
    byline="Katrin Vogt and Lukas Brenner",
)

case(
    "wh-reuters-06",
    ["page-byline", "dateline-no-agency-tag"],
    "2025-07-07T09:30:00Z",
    [
        "Poland's central bank cut its main interest rate by 25 basis points to 5.00% on Monday, its second reduction this year, as inflation eased more than expected.",
        "Governor Adam Glapinski is due to explain the decision at a news conference on Tuesday.",
    ],
    lead="WARSAW - ",
    pre=["By Anna Koper | Reuters"],
    agency="Reuters",
    place="Warsaw",
    byline="Anna Koper",
)

case(
    "wh-reuters-07",
    ["hard-negative-ends-agency-name", "agency-dateline"],
    "2025-08-21T17:05:00Z",
    [
        "Drone attacks hit two oil depots in southern Russia overnight, setting fuel tanks on fire, according to regional officials and videos posted on social media.",
        "The governor of the Rostov region said firefighters had contained the blaze at one site by morning. There were no immediate reports of casualties.",
        "Reuters could not independently verify the reports.",
    ],
    lead="KYIV, Aug 21 (Reuters) - ",
    agency="Reuters",
    place="Kyiv",
    date="2025-08-21",
)

case(
    "wh-reuters-08",
    ["hard-negative-ends-agency-name", "agency-dateline", "removed:reporting-credits"],
    "2025-09-30T06:40:00Z",
    [
        "Mining group Southern Cross Minerals is in talks to sell its stake in a Canadian iron ore venture, three people familiar with the matter said, as new chief executive Mark Ellison reviews the company's portfolio.",
        "A sale could value the stake at more than $2 billion, two of the people said. They declined to be named because the talks are confidential.",
        'Southern Cross declined to comment. "We do not comment on market speculation," a spokesperson told Reuters.',
    ],
    lead="MELBOURNE, Sept 30 (Reuters) - ",
    post=[
        "(Reporting by Fiona Caldwell in Melbourne; Additional reporting by Nikhil Rao in Toronto; Editing by Sonia Lee)"
    ],
    agency="Reuters",
    place="Melbourne",
    date="2025-09-30",
)

case(
    "wh-reuters-09",
    ["agency-dateline", "dateline-year-boundary", "removed:reporting-credits"],
    "2026-01-01T01:30:00Z",
    [
        "Oil prices ended 2025 with their steepest annual loss since 2020 on Wednesday, as rising supply from OPEC+ producers and the Americas outweighed concerns about sanctions and conflict.",
        "Brent crude futures settled at $61.20 a barrel on the last trading day of the year, down about 18% for the year.",
    ],
    lead="NEW YORK, Dec 31 (Reuters) - ",
    post=["(Reporting by Jorge Medina in Houston; Editing by Dina Cole)"],
    agency="Reuters",
    place="New York",
    date="2025-12-31",
)

case(
    "wh-reuters-10",
    ["agency-in-hints", "dateline-no-agency-tag"],
    "2025-10-14T07:15:00Z",
    [
        "South Korea's unemployment rate held at 2.5% in September, statistics data showed on Tuesday, while the number of employed people rose by 312,000 from a year earlier.",
    ],
    lead="SEOUL - ",
    hints={"author": "Reuters"},
    agency="Reuters",
    place="Seoul",
)


# --------------------------------------------------------------------------- AFP
case(
    "wh-afp-01",
    ["aggregator-prefix"],
    "2025-06-03T05:50:00Z",
    [
        "Australia will ban children under 16 from opening accounts on YouTube, reversing an earlier exemption for the video platform, the communications minister said Tuesday.",
        "The rule takes effect in December alongside bans on TikTok, Instagram and Snapchat.",
    ],
    lead="AFP - ",
    agency="AFP",
)

case(
    "wh-afp-02",
    ["aggregator-prefix", "no-place"],
    "2025-07-06T21:00:00Z",
    [
        "Floodwaters that swept through summer camps and riverside homes in central Texas have killed at least 78 people, officials said Sunday, as rescuers searched for campers still missing.",
        "Dozens of helicopters and hundreds of volunteers joined the search along the Guadalupe River.",
        '"We will not stop until every missing person is found," a county official told reporters.',
    ],
    lead="(AFP) - ",
    agency="AFP",
)

case(
    "wh-afp-03",
    ["agency-dateline", "removed:afp-desk-initials"],
    "2025-04-09T16:25:00Z",
    [
        "France's highest administrative court on Wednesday upheld a government decree dissolving a far-right group accused of inciting violence against migrants.",
        'The Council of State said the group\'s social media posts "call for hatred and discrimination" and justified the measure.',
        "The group's lawyer said it would take the case to the European Court of Human Rights.",
    ],
    lead="PARIS (AFP) - ",
    post=["lem-ab/sbk"],
    agency="AFP",
    place="Paris",
)

case(
    "wh-afp-04",
    ["agency-in-hints", "no-dateline"],
    "2025-08-02T11:10:00Z",
    [
        "Firefighters in southern France on Saturday brought under control a forest fire that had burned 1,200 hectares near Marseille, as temperatures began to fall after a week-long heatwave.",
        "Around 300 residents who were evacuated on Thursday were allowed to return home.",
    ],
    hints={"author": "(AFP)"},
    agency="AFP",
)

case(
    "wh-afp-05",
    ["agency-dateline", "non-english", "french"],
    "2025-09-16T08:30:00Z",
    [
        "Le gouvernement a pr\u00e9sent\u00e9 mardi un plan d'\u00e9conomies de 40 milliards d'euros pour 2026, comprenant un gel des pensions de retraite et la suppression de deux jours f\u00e9ri\u00e9s.",
        'Les syndicats ont d\u00e9nonc\u00e9 un budget "brutal" et appel\u00e9 \u00e0 une journ\u00e9e de mobilisation le 2 octobre.',
    ],
    lead="Paris (AFP) - ",
    agency="AFP",
    place="Paris",
)

case(
    "wh-afp-06",
    ["agency-dateline", "dateline-qualifier"],
    "2025-05-20T13:00:00Z",
    [
        "The World Health Organization's member states on Tuesday adopted a landmark agreement on preparing for future pandemics, after more than three years of negotiations.",
        "The accord commits countries to share pathogen samples and to make a share of vaccines and treatments available to poorer nations in a health emergency.",
        "The United States, which has begun withdrawing from the WHO, did not take part.",
    ],
    lead="GENEVA, Switzerland (AFP) \u2014 ",
    agency="AFP",
    place="Geneva",
)

case(
    "wh-afp-07",
    ["agency-in-hints", "footer-hint", "dateline-no-agency-tag"],
    "2025-10-03T15:40:00Z",
    [
        "Nairobi's city council voted on Friday to ban diesel minibuses from the central business district from 2027, in a bid to curb air pollution that doctors blame for a rise in respiratory illness.",
        "Operators said the deadline was unrealistic without financing for electric vehicles.",
    ],
    lead="NAIROBI: ",
    hints={"footer": "\u00a9 Agence France-Presse"},
    agency="AFP",
    place="Nairobi",
)


# --------------------------------------------------------------------------- Canadian Press
case(
    "wh-cp-01",
    ["aggregator-prefix", "agency-dateline"],
    "2025-07-09T20:15:00Z",
    [
        "British Columbia's wildfire service says a fire burning northwest of Kamloops has grown to more than 4,000 hectares, prompting an evacuation order for about 120 properties.",
        "The service says hot, dry conditions are forecast to continue through the weekend.",
    ],
    lead="Canadian Press - VANCOUVER (CP) - ",
    agency="CP",
    place="Vancouver",
)

case(
    "wh-cp-02",
    ["outlet-dateline-no-agency-tag", "byline-at-end", "removed:cp-first-published-trailer"],
    "2025-07-04T18:30:00Z",
    [
        "The federal government says it will spend $1.2 billion over five years to expand high-speed rail planning between Toronto and Quebec City.",
        "Transport Minister Marc Leblanc says the money will pay for environmental assessments and early design work on the 1,000-kilometre corridor.",
        "Construction is not expected to begin before 2029.",
    ],
    lead="OTTAWA \u2014 ",
    post=[
        "This report by The Canadian Press was first published July 4, 2025.",
        "Julien Arsenault, The Canadian Press",
    ],
    agency="CP",
    place="Ottawa",
    byline="Julien Arsenault",
)

case(
    "wh-cp-03",
    ["agency-in-hints", "footer-hint", "outlet-dateline-no-agency-tag"],
    "2025-02-19T22:00:00Z",
    [
        "Halifax police say a 34-year-old man has been charged with impaired driving after a car struck a transit shelter on Barrington Street early Wednesday.",
        "No one was in the shelter at the time.",
    ],
    lead="HALIFAX \u2014 ",
    hints={"footer": "\u00a9 2025 The Canadian Press"},
    agency="CP",
    place="Halifax",
)


# --------------------------------------------------------------------------- dpa
case(
    "wh-dpa-01",
    ["agency-dateline"],
    "2025-07-08T12:20:00Z",
    [
        "Germany's cabinet on Tuesday approved a bill to reintroduce a voluntary form of military service, with a questionnaire for all 18-year-old men that the government hopes will swell the ranks of the Bundeswehr.",
        "Women will receive the questionnaire but will not be obliged to answer it.",
        "The opposition Greens said the plan did not go far enough to meet NATO targets.",
    ],
    lead="BERLIN (dpa) - ",
    agency="DPA",
    place="Berlin",
)

case(
    "wh-dpa-02",
    ["agency-dateline", "non-english", "german", "removed:dpa-infocom-trailer"],
    "2025-07-03T09:05:00Z",
    [
        "Die Zahl der Arbeitslosen in Deutschland ist im Juni leicht gestiegen. Wie die Bundesagentur f\u00fcr Arbeit am Donnerstag in N\u00fcrnberg mitteilte, waren 2,914 Millionen Menschen ohne Job, 11.000 mehr als im Mai.",
        "Die Arbeitslosenquote blieb unver\u00e4ndert bei 6,2 Prozent.",
    ],
    lead="N\u00fcrnberg (dpa) - ",
    post=["\u00a9 dpa-infocom, dpa:250703-930-746512/2"],
    agency="DPA",
    place="N\u00fcrnberg",
)


# --------------------------------------------------------------------------- EFE
case(
    "wh-efe-01",
    ["agency-dateline", "non-english", "spanish"],
    "2025-03-03T12:40:00Z",
    [
        "El paro registrado baj\u00f3 en 5.994 personas en febrero, hasta un total de 2.593.449 desempleados, el nivel m\u00e1s bajo en ese mes desde 2008, seg\u00fan los datos publicados este lunes por el Ministerio de Trabajo.",
        "La afiliaci\u00f3n a la Seguridad Social sum\u00f3 100.340 cotizantes, hasta 21,1 millones.",
    ],
    lead="MADRID, 3 mar (EFE).- ",
    agency="EFE",
    place="Madrid",
    date="2025-03-03",
)

case(
    "wh-efe-02",
    ["agency-dateline", "removed:efe-copyright"],
    "2025-07-04T18:00:00Z",
    [
        "Mexico's Senate on Friday approved a law that gives the country's security agencies access to citizens' phone and biometric data without a court order, a measure human rights groups called a threat to privacy.",
        "The bill passed 76-35 and now goes to the president for her signature.",
    ],
    lead="Mexico City, Jul 4 (EFE).- ",
    post=["(c) Agencia EFE"],
    agency="EFE",
    place="Mexico City",
    date="2025-07-04",
)


# --------------------------------------------------------------------------- ANSA
case(
    "wh-ansa-01",
    ["agency-dateline", "non-english", "italian", "removed:ansa-copyright"],
    "2025-05-12T10:10:00Z",
    [
        "Il prezzo della benzina in modalit\u00e0 self scende a 1,712 euro al litro, il livello pi\u00f9 basso da settembre 2021, secondo le rilevazioni dell'Osservatorio del ministero delle Imprese.",
        "In calo anche il gasolio, a 1,618 euro al litro.",
    ],
    lead="ROMA, 12 MAG (ANSA) - ",
    post=["Riproduzione riservata \u00a9 Copyright ANSA"],
    agency="ANSA",
    place="Roma",
    date="2025-05-12",
)

case(
    "wh-ansa-02",
    ["agency-dateline", "removed:ansa-copyright"],
    "2025-07-04T14:30:00Z",
    [
        "Italy's unemployment rate fell to 6.1% in May, the lowest since records began in 2004, national statistics bureau ISTAT said on Friday.",
        "Youth unemployment rose, however, to 21.6% from 19.8% in April.",
    ],
    lead="ROME, July 4 (ANSA) - ",
    post=["ALL RIGHTS RESERVED \u00a9 Copyright ANSA"],
    agency="ANSA",
    place="Rome",
    date="2025-07-04",
)


# --------------------------------------------------------------------------- Asia / Russia / Turkey
case(
    "wh-kyodo-01",
    ["agency-dateline", "removed:kyodo-signoff"],
    "2025-07-05T03:20:00Z",
    [
        "Japan's ruling coalition is likely to lose its majority in the House of Councillors in the July 20 election, a Kyodo News survey showed Saturday, as voters voice frustration over rising prices.",
        "The Liberal Democratic Party and its junior partner Komeito are expected to win fewer than the 50 seats they need, according to the survey of about 110,000 voters.",
        "Around 40 percent of respondents said they had yet to decide whom to vote for.",
    ],
    lead="TOKYO, July 5 (Kyodo) -- ",
    post=["==Kyodo"],
    agency="Kyodo",
    place="Tokyo",
    date="2025-07-05",
)

case(
    "wh-yonhap-01",
    ["agency-dateline", "removed:yonhap-email-end"],
    "2025-01-03T02:10:00Z",
    [
        "South Korea's exports rose 6.6 percent in December from a year earlier on strong demand for semiconductors, bringing the annual total to a record high, government data showed Friday.",
        "Outbound shipments reached US$61.4 billion last month, according to the Ministry of Trade, Industry and Energy.",
        "For the whole of 2024, exports rose 8.2 percent to $683.8 billion.",
    ],
    lead="SEOUL, Jan. 3 (Yonhap) -- ",
    post=["hkj@yna.co.kr", "(END)"],
    agency="Yonhap",
    place="Seoul",
    date="2025-01-03",
)

case(
    "wh-xinhua-01",
    ["agency-dateline", "removed:xinhua-enditem"],
    "2025-03-04T09:00:00Z",
    [
        "China's national legislature will open its annual session on Wednesday, with about 2,900 deputies expected to review the government work report and the draft national economic and social development plan, a spokesperson said Tuesday.",
        "The session is scheduled to close on March 11, the spokesperson told a press conference.",
    ],
    lead="BEIJING, March 4 (Xinhua) -- ",
    post=["Enditem"],
    agency="Xinhua",
    place="Beijing",
    date="2025-03-04",
)

case(
    "wh-tass-01",
    ["agency-dateline"],
    "2025-06-02T11:45:00Z",
    [
        "The Russian delegation has handed the Ukrainian side a memorandum setting out Moscow's conditions for a ceasefire at the talks in Istanbul, a source in the delegation told TASS.",
        "The next round could take place in the second half of June, the source said.",
    ],
    lead="MOSCOW, June 2. /TASS/. ",
    agency="TASS",
    place="Moscow",
    date="2025-06-02",
)

case(
    "wh-bernama-01",
    ["agency-dateline", "removed:bernama-signoff"],
    "2025-02-01T07:30:00Z",
    [
        "The Malaysian Meteorological Department has issued an orange-level warning of continuous rain in Sabah and Sarawak until Sunday.",
        "In a statement today, the department said the affected areas include Kuching, Samarahan, Sri Aman and Tawau.",
        "The public is advised to refer to its official website and social media for the latest updates.",
    ],
    lead="KUALA LUMPUR, Feb 1 (Bernama) -- ",
    post=["-- BERNAMA"],
    agency="Bernama",
    place="Kuala Lumpur",
    date="2025-02-01",
)

case(
    "wh-anadolu-01",
    ["agency-dateline", "dateline-own-line", "byline", "removed:aa-website-disclaimer"],
    "2025-07-03T13:10:00Z",
    [
        "Turkey's foreign minister on Thursday met his Syrian counterpart in Ankara to discuss border security and the return of refugees, diplomatic sources said.",
        "The two ministers also discussed reconstruction projects in northern Syria, the sources said, speaking on condition of anonymity due to restrictions on speaking to the media.",
    ],
    lead="ANKARA\n\n",
    pre=["Burak Dag \u00a0|03.07.2025 - Update : 03.07.2025"],
    post=[
        "Anadolu Agency website contains only a portion of the news stories offered to subscribers in the AA News Broadcasting System (HAS), and in summarized form. Please contact us for subscription options."
    ],
    agency="Anadolu",
    place="Ankara",
    byline="Burak Dag",
)

case(
    "wh-anadolu-02",
    ["agency-dateline"],
    "2025-07-10T16:00:00Z",
    [
        "Annual inflation in T\u00fcrkiye eased to 35.05% in June, its lowest level since late 2021, the Turkish Statistical Institute said on Thursday.",
        "Monthly consumer prices rose 1.37%, below market expectations.",
    ],
    lead="ISTANBUL (AA) - ",
    agency="Anadolu",
    place="Istanbul",
)

case(
    "wh-apa-01",
    ["agency-dateline", "non-english", "german"],
    "2025-06-25T10:00:00Z",
    [
        "Die Inflation in \u00d6sterreich ist im Mai auf 3,0 Prozent gesunken. Im April hatte die Teuerung noch 3,3 Prozent betragen, teilte die Statistik Austria am Mittwoch mit.",
        "Preistreiber waren erneut Dienstleistungen und Nahrungsmittel.",
    ],
    lead="Wien (APA) - ",
    agency="APA",
    place="Wien",
)


# --------------------------------------------------------------------------- Gulf
case(
    "wh-kuna-01",
    ["agency-dateline", "removed:kuna-end-initials"],
    "2025-07-04T08:15:00Z",
    [
        "Kuwait's Ministry of Electricity, Water and Renewable Energy announced scheduled power cuts in several areas on Friday as consumption reached 17,150 megawatts amid temperatures above 50 degrees Celsius.",
        "The ministry urged citizens and residents to reduce consumption between 11 am and 5 pm.",
    ],
    lead="KUWAIT, July 4 (KUNA) -- ",
    post=["(end)", "mh.gb"],
    agency="KUNA",
    place="Kuwait",
    date="2025-07-04",
)

case(
    "wh-kuna-02",
    [
        "syndicator-wrapper",
        "agency-dateline",
        "removed:kuna-end-initials",
        "menafn-trailer-not-last",
        "removed:menafn-id",
    ],
    "2025-07-06T10:20:00Z",
    [
        "The Kuwaiti stock exchange closed its trading session on Sunday in the green, with the main index up 45.6 points to 8,412.3 points.",
        "Some 223.4 million shares worth KD 61.7 million (about USD 202 million) were traded through 14,880 transactions.",
    ],
    lead="(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, July 6 (KUNA) -- ",
    post=[
        "(end)",
        "ay.gta",
        "MENAFN06072025000071011013ID1109763310",
        MENAFN_DISCLAIMER,
        "Comments",
        "No comment",
    ],
    syndicator="MENAFN",
    provider="KUNA",
    agency="KUNA",
    place="Kuwait",
    date="2025-07-06",
)

case(
    "wh-spa-01",
    ["agency-dateline", "dateline-hijri", "removed:spa-signoff-timestamp"],
    "2025-05-31T11:40:00Z",
    [
        "The General Authority of Meteorology forecast active winds that raise dust and sand, reducing horizontal visibility, in parts of the Eastern Province and Riyadh region today.",
        "Temperatures are expected to reach 47 degrees Celsius in Al-Ahsa and Dammam.",
    ],
    lead="Riyadh, Dhu al-Hijjah 04, 1446, May 31, 2025, SPA -- ",
    post=["--SPA", "14:32 Local Time 11:32 GMT", "0021"],
    agency="SPA",
    place="Riyadh",
    date="2025-05-31",
)

case(
    "wh-wam-01",
    ["agency-dateline", "removed:wam-credits"],
    "2025-07-04T09:50:00Z",
    [
        "The UAE Cabinet has approved the country's general budget for 2026 to 2028 with total expenditures of AED 302 billion, with social development and benefits accounting for the largest share.",
        "The budget for 2026 amounts to AED 92.4 billion.",
    ],
    lead="ABU DHABI, 4th July, 2025 (WAM) -- ",
    post=["WAM/Hatem Mohamed/Tariq alfaham"],
    agency="WAM",
    place="Abu Dhabi",
    date="2025-07-04",
)

case(
    "wh-wam-02",
    ["agency-dateline", "dateline-weekday", "syndicator-wrapper", "menafn-trailer-not-last"],
    "2025-07-01T12:05:00Z",
    [
        "Dubai's Roads and Transport Authority said the first phase of the Blue Line metro extension has reached 30 percent completion, with tunnelling under Dubai Creek due to start in September.",
        "The 30-kilometre line will have 14 stations and is scheduled to open in September 2029.",
        "The authority expects the line to serve 200,000 passengers a day by 2040.",
    ],
    lead="(MENAFN- Emirates News Agency (WAM)) DUBAI, Tuesday, 1st July 2025 (WAM) -- ",
    post=[MENAFN_DISCLAIMER, "Most popular stories", "Market Research"],
    syndicator="MENAFN",
    provider="WAM",
    agency="WAM",
    place="Dubai",
    date="2025-07-01",
)

case(
    "wh-qna-01",
    ["agency-dateline", "sep-single-newline"],
    "2025-07-04T07:00:00Z",
    [
        "The Qatar Investment Authority signed an agreement to invest USD 1 billion in a fund focused on artificial intelligence infrastructure in the United States, the authority said on Friday.",
        "The fund will finance data centres and power generation projects.",
    ],
    lead="Doha, July 04 (QNA) - ",
    sep="\n",
    agency="QNA",
    place="Doha",
    date="2025-07-04",
)


# --------------------------------------------------------------------------- India
case(
    "wh-pti-01",
    ["agency-dateline", "removed:pti-desk-initials"],
    "2025-07-03T10:25:00Z",
    [
        "The Supreme Court on Thursday sought the Centre's response on a plea seeking guidelines to regulate fees charged by private coaching centres.",
        "A bench of two judges issued notice to the Union Ministry of Education and listed the matter for hearing after four weeks.",
        "The petition said students were often charged lakhs of rupees without any refund policy.",
    ],
    lead="New Delhi, Jul 3 (PTI) ",
    post=["PTI ABA RC"],
    agency="PTI",
    place="New Delhi",
    date="2025-07-03",
)

case(
    "wh-pti-02",
    ["agency-dateline", "outlet-disclaimer", "removed:outlet-disclaimer"],
    "2025-07-08T06:30:00Z",
    [
        "Heavy rain lashed several parts of Mumbai on Tuesday, causing waterlogging in low-lying areas and slowing suburban train services, officials said.",
        "The India Meteorological Department has issued an orange alert for the city and neighbouring Thane for the next 24 hours.",
    ],
    lead="Mumbai, Jul 8 (PTI) ",
    post=[
        "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)"
    ],
    agency="PTI",
    place="Mumbai",
    date="2025-07-08",
)

case(
    "wh-ians-01",
    [
        "syndicator-wrapper",
        "wrapper-lost-paren",
        "agency-dateline",
        "no-separator-after-tag",
        "removed:ians-signoff",
    ],
    "2025-07-05T07:40:00Z",
    [
        "India and Japan on Saturday agreed to step up cooperation in semiconductors and critical minerals, with officials from both sides meeting on the sidelines of a business forum in the Japanese capital.",
        "India's Ambassador to Japan said the two countries would set up a joint working group before the end of the year.",
    ],
    lead="MENAFN - IANS) Tokyo, July 5 (IANS) ",
    post=["--IANS", "sas/rad", MENAFN_DISCLAIMER, "Comments"],
    syndicator="MENAFN",
    provider="IANS",
    agency="IANS",
    place="Tokyo",
    date="2025-07-05",
)

case(
    "wh-ians-02",
    ["agency-dateline", "removed:ians-signoff"],
    "2025-07-04T12:00:00Z",
    [
        "Actor Rohan Mehra on Friday began shooting for his next film in Lucknow, the makers announced.",
        "The film, a courtroom drama, is scheduled for release next summer.",
    ],
    lead="Mumbai, July 4 (IANS) ",
    post=["--IANS", "dc/"],
    agency="IANS",
    place="Mumbai",
    date="2025-07-04",
)

case(
    "wh-ani-01",
    ["agency-dateline", "dateline-qualifier", "removed:ani-signoff"],
    "2025-07-04T15:00:00Z",
    [
        "The US State Department on Thursday approved a possible sale of maritime patrol equipment to India worth an estimated USD 131 million, the Defense Security Cooperation Agency said.",
        "The proposed sale will improve India's ability to meet current and future threats, the agency said in a statement.",
    ],
    lead="Washington DC [US], July 4 (ANI): ",
    post=["(ANI)"],
    agency="ANI",
    place="Washington DC",
    date="2025-07-04",
)

case(
    "wh-uni-01",
    ["agency-dateline", "removed:uni-desk-initials"],
    "2025-07-04T13:20:00Z",
    [
        "The Kolkata Municipal Corporation has begun a drive to identify dilapidated buildings ahead of the monsoon, a senior official said on Friday.",
        "Notices have been served on the owners of 112 buildings so far.",
    ],
    lead="Kolkata, July 4 (UNI) ",
    post=["UNI XC RN"],
    agency="UNI",
    place="Kolkata",
    date="2025-07-04",
)

case(
    "wh-india-01",
    ["outlet-dateline-colon", "no-agency", "hard-negative-no-agency"],
    "2025-07-09T02:30:00Z",
    [
        "The Supreme Court on Tuesday agreed to hear next week a batch of petitions challenging the revision of electoral rolls in Bihar, ahead of the state's assembly election.",
        "Senior advocate Rakesh Menon, appearing for one of the petitioners, said lakhs of voters risked being left off the rolls.",
    ],
    lead="NEW DELHI: ",
    agency=None,
    place="New Delhi",
)

case(
    "wh-india-02",
    ["outlet-dateline-colon", "outlet-disclaimer", "removed:outlet-disclaimer", "no-agency"],
    "2025-07-07T05:45:00Z",
    [
        "Gold prices rose by Rs 350 to Rs 98,670 per 10 grams in the national capital on Monday, according to the All India Sarafa Association.",
        "Silver also climbed Rs 1,000 to Rs 1,05,000 per kilogram.",
    ],
    lead="New Delhi: ",
    post=[
        "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)"
    ],
    agency=None,
    place="New Delhi",
)


# --------------------------------------------------------------------------- press-release wires, Dow Jones
case(
    "wh-pr-01",
    [
        "press-release",
        "syndicator-wrapper",
        "agency-dateline",
        "removed:pr-source-line",
        "removed:pr-view-original",
        "menafn-trailer-not-last",
    ],
    "2025-07-01T13:05:00Z",
    [
        "Northwind Analytics, Inc. (NASDAQ: NWND), a provider of supply-chain forecasting software, today announced that it has completed its acquisition of Harborline Data for $145 million in cash.",
        '"Harborline\'s port-level shipping data makes our forecasts sharper for every customer," said Priya Natarajan, chief executive officer of Northwind.',
        "The transaction is expected to be accretive to adjusted earnings in fiscal 2026.",
    ],
    lead="(MENAFN- PR Newswire) NEW YORK, July 1, 2025 /PRNewswire/ -- ",
    post=[
        "SOURCE Northwind Analytics, Inc.",
        "View original content to download multimedia:https://www.prnewswire.com/news-releases/northwind-analytics-completes-acquisition-of-harborline-data-302495512.html",
        MENAFN_DISCLAIMER,
        "Comments",
    ],
    syndicator="MENAFN",
    provider="PRNewswire",
    agency="PRNewswire",
    place="New York",
    date="2025-07-01",
)

case(
    "wh-pr-02",
    ["press-release", "dateline-no-date", "removed:pr-contacts"],
    "2025-06-24T13:00:00Z",
    [
        "Tallgrass Robotics, a maker of autonomous warehouse vehicles, today announced a $60 million Series C funding round led by Meridian Ventures.",
        "The company will use the funds to open a second factory in Texas and expand into Europe.",
    ],
    lead="SAN FRANCISCO--(BUSINESS WIRE)--",
    post=["Contacts", "Media:\nJordan Alvarez\npress@tallgrassrobotics.com"],
    agency="BusinessWire",
    place="San Francisco",
)

case(
    "wh-pr-03",
    ["press-release", "agency-dateline", "removed:pr-about-section"],
    "2025-07-02T11:00:00Z",
    [
        "Maple Crest Mining Corp. (TSX: MCM) is pleased to report assay results from its 2025 drilling program at the Beaver Lake gold project in northern Ontario, including 12.4 metres grading 4.1 grams per tonne gold.",
        "The company plans a further 8,000 metres of drilling in the second half of the year.",
    ],
    lead="TORONTO, July 02, 2025 (GLOBE NEWSWIRE) -- ",
    post=[
        "About Maple Crest Mining Corp.",
        "Maple Crest is a Canadian exploration company focused on gold projects in Ontario and Quebec.",
        "Forward-Looking Statements",
        "This news release contains forward-looking statements that involve risks and uncertainties.",
    ],
    agency="GlobeNewswire",
    place="Toronto",
    date="2025-07-02",
)

case(
    "wh-dj-01",
    ["unlisted-agency", "byline", "removed:dow-jones-trailer"],
    "2025-07-03T15:45:00Z",
    [
        "Shares of Halvorsen Foods fell 9% after the packaged-food company cut its full-year sales forecast, citing weaker demand for snacks among lower-income shoppers.",
        "The company now expects organic sales to decline 1% to 2%, compared with a previous forecast of flat sales.",
    ],
    pre=["By Laura Whitcomb"],
    post=[
        "Write to Laura Whitcomb at laura.whitcomb@wsj.com",
        "(END) Dow Jones Newswires",
        "July 03, 2025 11:42 ET (15:42 GMT)",
        "Copyright (c) 2025 Dow Jones & Company, Inc.",
    ],
    agency="Dow Jones",
    byline="Laura Whitcomb",
)

case(
    "wh-dj-02",
    ["unlisted-agency", "removed:dow-jones-trailer"],
    "2025-05-14T20:10:00Z",
    [
        "Crude-oil futures settled lower Wednesday after government data showed an unexpected build in U.S. inventories.",
        "Light, sweet crude for June delivery fell 1.1% to $62.98 a barrel on the New York Mercantile Exchange.",
    ],
    post=["--Dow Jones Newswires"],
    agency="Dow Jones",
)


# --------------------------------------------------------------------------- hard negatives
case(
    "wh-neg-01",
    ["hard-negative-mention", "no-agency"],
    "2025-07-05T16:00:00Z",
    [
        "The mayor's office confirmed on Saturday that the city will not renew its contract with the private ambulance operator when it expires in December, ending a partnership that began in 2009.",
        "The decision follows months of complaints about response times, first reported by the Associated Press in March.",
        'A spokesperson for the operator said it was "disappointed" and would bid for future contracts.',
    ],
    agency=None,
)

case(
    "wh-neg-02",
    ["hard-negative-mention", "hard-negative-ends-agency-name", "no-agency"],
    "2025-06-27T09:00:00Z",
    [
        "Britain's biggest water company has drawn up contingency plans for a temporary nationalisation, according to Reuters.",
        "The company's creditors are due to meet next week to discuss a rescue plan. Neither the company nor the government commented on the report, which was first published by Reuters.",
    ],
    agency=None,
)

case(
    "wh-neg-03",
    ["hard-negative-mention", "agency-dateline"],
    "2025-07-02T17:30:00Z",
    [
        "Chadian authorities have closed the border with Sudan's Darfur region after clashes spilled over into a refugee camp, according to a government statement reported by Reuters.",
        "The UN refugee agency said about 20,000 people had crossed into Chad in the past week.",
    ],
    lead="N'DJAMENA (AFP) - ",
    agency="AFP",
    place="N'Djamena",
)

case(
    "wh-neg-04",
    ["hard-negative-place-word", "no-dateline", "no-agency"],
    "2025-06-15T22:00:00Z",
    [
        "Houston Reyes, the longtime third-base coach of the Sacramento River Cats, said on Sunday he would retire at the end of the season after 31 years in professional baseball.",
        "Reyes, 63, said he wanted to spend more time with his grandchildren.",
    ],
    agency=None,
)

case(
    "wh-neg-05",
    ["hard-negative-place-word", "no-dateline", "no-agency"],
    "2025-07-08T14:00:00Z",
    [
        "Georgia Power said on Tuesday it had restored electricity to all but about 3,000 customers after overnight thunderstorms knocked down trees and power lines across the Atlanta area.",
        "Crews from three neighbouring states were helping with repairs, the utility said.",
    ],
    agency=None,
)

case(
    "wh-neg-06",
    ["hard-negative-place-word", "no-dateline", "agency-in-hints"],
    "2025-05-31T22:30:00Z",
    [
        "Paris Saint-Germain won the Champions League for the first time on Saturday, thrashing Inter Milan 5-0 in the final in Munich.",
        "Teenager Desire Doue scored twice and set up another goal.",
    ],
    hints={"author": "AFP"},
    agency="AFP",
)

case(
    "wh-neg-07",
    ["hard-negative-no-agency", "outlet-dateline-no-agency-tag", "dateline-qualifier", "byline"],
    "2025-09-13T03:00:00Z",
    [
        "Bartram Trail held on for a 26-23 win over Creekside on Friday night after a late interception in the end zone, giving the Bears their first 2-0 start since 2019.",
        "Kicker Sam Whitley made all four field-goal attempts, including a 52-yarder in the fourth quarter.",
    ],
    lead="JACKSONVILLE, Fla. \u2014 ",
    pre=["By Marcus Delaney, Staff Writer"],
    agency=None,
    place="Jacksonville",
    byline="Marcus Delaney",
)

case(
    "wh-neg-08",
    ["hard-negative-mention", "no-agency", "ap-as-abbreviation"],
    "2025-07-08T12:00:00Z",
    [
        "More high school students in the district took Advanced Placement (AP) exams this spring than ever before, and 71% of them scored a 3 or higher, the school board said Monday.",
        "The board credited a program that pays exam fees for students from low-income families.",
    ],
    agency=None,
)

case(
    "wh-neg-09",
    ["hard-negative-ends-agency-name", "agency-dateline", "removed:signoff-reuters"],
    "2025-04-02T04:30:00Z",
    [
        "Myanmar's military government declared a temporary ceasefire on Wednesday to support relief efforts after last week's earthquake, which killed more than 2,800 people.",
        'Aid workers said access to the worst-hit areas around Mandalay remained difficult. "We still cannot reach several villages," one aid worker told Reuters.',
    ],
    lead="BANGKOK, April 2 (Reuters) - ",
    post=["Reuters"],
    agency="Reuters",
    place="Bangkok",
    date="2025-04-02",
)

case(
    "wh-neg-10",
    ["hard-negative-place-word", "agency-dateline"],
    "2025-06-20T10:00:00Z",
    [
        "Washington state officials said on Friday they would sue the federal government over cuts to a salmon recovery grant program, arguing the cuts violate treaties with Native American tribes.",
    ],
    lead="SEATTLE (AP) \u2014 ",
    agency="AP",
    place="Seattle",
)


# --------------------------------------------------------------------------- page scrapes with stray script
case(
    "wh-scrape-01",
    [
        "agency-dateline",
        "script-fragment",
        "removed:script",
        "removed:advertisement-line",
        "removed:signoff-reuters",
    ],
    "2025-07-09T12:30:00Z",
    [
        "European Union countries on Wednesday agreed to extend temporary protection for Ukrainian refugees by another year, until March 2027, diplomats said.",
        "About 4.3 million Ukrainians are covered by the scheme, which gives them the right to live, work and study in the bloc without applying for asylum.",
        "Several governments pressed for a plan to wind down the protection gradually after 2027.",
    ],
    lead="BRUSSELS (Reuters) - ",
    pre=[GTAG],
    inserts={2: ["Advertisement"]},
    post=["Reuters", DATALAYER],
    agency="Reuters",
    place="Brussels",
)

case(
    "wh-scrape-02",
    ["agency-dateline", "script-fragment", "removed:script", "removed:copyright-line"],
    "2025-03-27T19:00:00Z",
    [
        "A federal judge in Baltimore on Thursday temporarily blocked the administration from cutting grants to 14 state health departments, saying the cuts were likely unlawful.",
        "The order will remain in place while the case proceeds.",
    ],
    lead="BALTIMORE (AP) \u2014 ",
    inserts={
        1: [
            "(function(){var s=document.createElement('script');s.async=true;s.src='https://cdn.example-ads.net/tag.js';document.head.appendChild(s);})();"
        ]
    },
    post=[AP_COPYRIGHT],
    agency="AP",
    place="Baltimore",
)


# --------------------------------------------------------------------------- second batch
case(
    "wh-ap-11",
    ["agency-dateline", "byline-not-a-person", "body-subheads-kept", "long", "removed:copyright-line"],
    "2025-10-01T04:05:00Z",
    [
        "The federal government shut down early Wednesday after Congress failed to pass a spending bill by midnight, furloughing hundreds of thousands of workers and closing some services across the country.",
        "Senate votes on competing proposals from Republicans and Democrats both fell short of the 60 votes needed to advance on Tuesday night.",
        "WHAT CLOSES",
        "National parks may stay open with limited staff, but visitor centers and restrooms could close. Passport and Social Security offices will keep working, though some customer services may slow.",
        "WHO KEEPS WORKING",
        "Air traffic controllers, Transportation Security Administration officers and members of the military must keep working, but they will not be paid until the shutdown ends.",
        "WHAT COMES NEXT",
        "Leaders of both parties said they would return to talks on Wednesday. The last shutdown, in 2018 and 2019, lasted 35 days, the longest in U.S. history.",
    ],
    lead="WASHINGTON (AP) \u2014 ",
    pre=["By The Associated Press"],
    post=[AP_COPYRIGHT],
    agency="AP",
    place="Washington",
)

case(
    "wh-ap-12",
    ["agency-dateline", "non-english", "spanish", "place-lowercase-particle"],
    "2025-06-02T03:00:00Z",
    [
        "Los mexicanos votaron el domingo por primera vez para elegir a jueces y magistrados, en una elecci\u00f3n marcada por la baja participaci\u00f3n, seg\u00fan estimaciones preliminares de la autoridad electoral.",
        "El Instituto Nacional Electoral calcul\u00f3 que entre el 12% y el 13% de los votantes acudieron a las urnas.",
    ],
    lead="CIUDAD DE M\u00c9XICO (AP) \u2014 ",
    agency="AP",
    place="Ciudad de M\u00e9xico",
)

case(
    "wh-ap-13",
    ["hard-negative-mention", "agency-dateline", "removed:contributor-line"],
    "2025-04-15T18:30:00Z",
    [
        "Brackett University said Monday it would not accept the federal government's demands to change its hiring and admissions policies, setting up a confrontation over billions of dollars in research funding.",
        "The dispute was first reported by Reuters, which cited two people familiar with the university's response.",
        "A spokesperson for the Department of Education did not respond to a request for comment.",
    ],
    lead="BOSTON (AP) \u2014 ",
    post=[
        "___",
        "Associated Press writers Collin Reeves in Boston and Maya Patel in Washington contributed to this report.",
    ],
    agency="AP",
    place="Boston",
)

case(
    "wh-reuters-11",
    ["reuters-brief", "dateline-no-place", "removed:eikon-trailer"],
    "2025-07-04T12:10:00Z",
    [
        "* HALDEN SHIPPING ASA SAYS SIGNS CONTRACT FOR TWO LNG CARRIERS WITH HANWHA OCEAN",
        "* HALDEN SHIPPING ASA SAYS TOTAL CONTRACT VALUE ABOUT $520 MILLION",
    ],
    lead="July 4 (Reuters) - ",
    post=["Source text for Eikon: [ID:nBw8Xq2Lpa]", "Further company coverage: [HALDN.OL]"],
    agency="Reuters",
    date="2025-07-04",
)

case(
    "wh-reuters-12",
    ["agency-dateline", "removed:reuters-refile-note", "removed:reporting-credits"],
    "2025-05-06T09:45:00Z",
    [
        "Spain's grid operator said on Tuesday it had found no evidence of a cyberattack behind last week's nationwide blackout and that it was still analysing data from power plants in the southwest.",
        "Investigators were looking at two sudden losses of generation in the seconds before the grid collapsed, the operator said.",
    ],
    lead="MADRID, May 6 (Reuters) - ",
    pre=["(Refiles to fix typo in headline)"],
    post=["(Reporting by Belen Ortiz; Editing by Aidan Byrne)"],
    agency="Reuters",
    place="Madrid",
    date="2025-05-06",
)

case(
    "wh-reuters-13",
    ["hard-negative-contributor-agency", "no-agency", "removed:contributor-line"],
    "2025-07-08T20:00:00Z",
    [
        "Residents of the coastal town were told to boil their water for at least five days after a pipe that carries treated water from the reservoir cracked during maintenance work on Monday.",
        "The water company said bottled water would be handed out at the town hall and two supermarkets.",
    ],
    post=["Reuters contributed to this report."],
    agency=None,
)

case(
    "wh-reuters-14",
    ["agency-in-hints", "footer-hint", "dateline-no-agency-tag", "byline"],
    "2025-07-03T08:00:00Z",
    [
        "Vietnam's exports rose 18% in June from a year earlier as manufacturers rushed shipments to the United States ahead of a tariff deadline, government data showed on Thursday.",
        "Exports to the United States, Vietnam's biggest market, jumped 29% in the first half of the year.",
    ],
    lead="HANOI - ",
    pre=["By Khanh Vu Tran"],
    hints={
        "footer": "(c) Copyright Thomson Reuters 2025. Click For Restrictions - https://agency.reuters.com/en/copyright.html"
    },
    agency="Reuters",
    place="Hanoi",
    byline="Khanh Vu Tran",
)

case(
    "wh-afp-08",
    ["agency-dateline", "non-english", "french", "place-accent"],
    "2025-03-20T14:00:00Z",
    [
        "La Commission europ\u00e9enne a propos\u00e9 jeudi de r\u00e9duire de moiti\u00e9 les droits de douane sur les engrais import\u00e9s d'Ukraine, a-t-elle annonc\u00e9 dans un communiqu\u00e9.",
        "La mesure doit encore \u00eatre approuv\u00e9e par les Vingt-Sept.",
    ],
    lead="Bruxelles (AFP) - ",
    agency="AFP",
    place="Bruxelles",
)

case(
    "wh-afp-09",
    ["hard-negative-ends-agency-name", "agency-dateline", "dateline-qualifier"],
    "2025-06-11T10:30:00Z",
    [
        "Gunmen killed at least 12 villagers in an overnight attack in Nigeria's central Plateau state, local officials said on Wednesday.",
        "A photograph of the burned houses was taken by a local journalist working for AFP.",
    ],
    lead="JOS, Nigeria (AFP) - ",
    agency="AFP",
    place="Jos",
)

case(
    "wh-cp-04",
    [
        "signoff-names-agency",
        "outlet-dateline-no-agency-tag",
        "non-english",
        "french",
        "place-accent",
        "removed:cp-french-signoff",
    ],
    "2025-07-02T16:40:00Z",
    [
        "La Ville de Montr\u00e9al a annonc\u00e9 mercredi la fermeture pour trois semaines d'un tron\u00e7on de la rue Sherbrooke afin de remplacer une conduite d'eau datant de 1912.",
        "Les autobus de la STM seront d\u00e9tourn\u00e9s pendant les travaux.",
    ],
    lead="MONTR\u00c9AL \u2014 ",
    post=["La Presse Canadienne"],
    agency="CP",
    place="Montr\u00e9al",
)

case(
    "wh-tass-02",
    ["agency-dateline", "place-with-period"],
    "2025-06-20T15:10:00Z",
    [
        "Russia's economy is close to slipping into recession, Economy Minister Maxim Reshetnikov said at the St. Petersburg International Economic Forum on Thursday, citing business sentiment indicators.",
    ],
    lead="ST. PETERSBURG, June 20. /TASS/. ",
    agency="TASS",
    place="St. Petersburg",
    date="2025-06-20",
)

case(
    "wh-xinhua-02",
    ["agency-dateline", "removed:xinhua-editor-line"],
    "2025-07-04T11:00:00Z",
    [
        "China's services activity expanded at a slower pace in June, a private survey showed Thursday, as new export orders declined for the first time this year.",
        "The Caixin services purchasing managers' index fell to 50.6 from 51.1 in May.",
    ],
    lead="BEIJING, July 3 (Xinhua) -- ",
    post=["Editor: Huang Wei"],
    agency="Xinhua",
    place="Beijing",
    date="2025-07-03",
)

case(
    "wh-kyodo-02",
    ["agency-in-hints", "no-dateline"],
    "2025-07-10T06:00:00Z",
    [
        "Japan's wholesale prices rose 2.9 percent in June from a year earlier, slowing for a third straight month as rice and energy prices eased, Bank of Japan data showed Thursday.",
    ],
    hints={"author": "Kyodo News"},
    agency="Kyodo",
)

case(
    "wh-dpa-03",
    ["agency-in-hints", "no-dateline"],
    "2025-07-11T13:20:00Z",
    [
        "German police have arrested a 41-year-old man suspected of spying for a foreign intelligence service at a military base in Bavaria, federal prosecutors said on Friday.",
    ],
    hints={"author": "dpa"},
    agency="DPA",
)

case(
    "wh-efe-03",
    ["agency-dateline", "non-english", "spanish", "place-accent"],
    "2025-07-04T21:15:00Z",
    [
        "El Gobierno colombiano decret\u00f3 este viernes la emergencia sanitaria en tres departamentos del sur del pa\u00eds por un brote de fiebre amarilla que ha dejado 39 muertos en lo que va del a\u00f1o.",
        "El Ministerio de Salud inform\u00f3 que ampliar\u00e1 la vacunaci\u00f3n a todos los mayores de un a\u00f1o en las zonas afectadas.",
    ],
    lead="Bogot\u00e1, 4 jul (EFE).- ",
    agency="EFE",
    place="Bogot\u00e1",
    date="2025-07-04",
)

case(
    "wh-pti-03",
    ["agency-dateline", "dateline-year-boundary", "removed:pti-desk-initials"],
    "2026-01-01T03:10:00Z",
    [
        "Thousands of revellers gathered at India Gate and Connaught Place to ring in the new year, with the Delhi Police deploying over 20,000 personnel across the city.",
        "Traffic restrictions were imposed on several roads in central Delhi from 8 pm.",
    ],
    lead="New Delhi, Dec 31 (PTI) ",
    post=["PTI SLB NSD NSD"],
    agency="PTI",
    place="New Delhi",
    date="2025-12-31",
)

case(
    "wh-pti-04",
    ["hard-negative-ap-abbreviation", "agency-dateline"],
    "2025-07-04T09:30:00Z",
    [
        "The Andhra Pradesh (AP) government on Friday signed agreements with three companies for renewable energy projects worth Rs 85,000 crore, officials said.",
        "The projects are expected to create about 22,000 jobs, they said.",
    ],
    lead="Amaravati, Jul 4 (PTI) ",
    agency="PTI",
    place="Amaravati",
    date="2025-07-04",
)

case(
    "wh-ani-02",
    ["agency-dateline", "dateline-qualifier", "removed:ani-signoff"],
    "2025-07-05T07:45:00Z",
    [
        "The Delhi government on Saturday launched a drive to plant 70 lakh saplings across the national capital before the end of the monsoon, officials said.",
    ],
    lead="New Delhi [India], July 5 (ANI): ",
    post=["(ANI)"],
    agency="ANI",
    place="New Delhi",
    date="2025-07-05",
)

case(
    "wh-qna-02",
    ["syndicator-wrapper", "agency-dateline", "menafn-trailer-not-last"],
    "2025-07-07T09:00:00Z",
    [
        "Qatar's trade surplus narrowed 8.4 percent in May compared with the same month last year to QR 15.1 billion, the National Planning Council said on Monday.",
    ],
    lead="(MENAFN- Qatar News Agency) Doha, July 07 (QNA) - ",
    post=[MENAFN_DISCLAIMER, "Comments", "No comment"],
    syndicator="MENAFN",
    provider="QNA",
    agency="QNA",
    place="Doha",
    date="2025-07-07",
)

case(
    "wh-bernama-02",
    ["agency-dateline", "byline-own-line", "removed:bernama-signoff"],
    "2025-07-04T10:00:00Z",
    [
        "The government will table amendments to the Employment Act in the next Dewan Rakyat sitting to strengthen protection for gig workers, the Human Resources Minister said today.",
        "He said the amendments were drafted after engagement sessions with platform companies and worker associations.",
    ],
    lead="PUTRAJAYA, July 4 (Bernama) -- ",
    pre=["By Nur Aisyah Zainal"],
    post=["-- BERNAMA"],
    agency="Bernama",
    place="Putrajaya",
    date="2025-07-04",
    byline="Nur Aisyah Zainal",
)

case(
    "wh-neg-11",
    ["hard-negative-place-word", "no-dateline", "no-agency"],
    "2025-08-05T21:00:00Z",
    [
        "Lebanon County commissioners voted on Tuesday to close the county's last public nursing home by the end of next year, citing losses of about $4 million a year.",
        "Families of residents packed the meeting and urged the board to look for a buyer instead.",
    ],
    agency=None,
)

case(
    "wh-neg-12",
    ["hard-negative-mention", "agency-dateline"],
    "2025-07-06T13:00:00Z",
    [
        "Emergency crews in the city worked through the night to clear debris after a storm brought down hundreds of trees, the fire department said Sunday.",
        "Video broadcast by the Canadian Press showed cars crushed under fallen branches in the city's west end. Power was restored to most homes by morning.",
    ],
    lead="WINNIPEG (Reuters) - ",
    agency="Reuters",
    place="Winnipeg",
)

case(
    "wh-anadolu-03",
    ["agency-dateline", "non-english", "turkish"],
    "2025-07-04T12:00:00Z",
    [
        "T\u00fcrkiye \u0130statistik Kurumu verilerine g\u00f6re y\u0131ll\u0131k enflasyon haziranda y\u00fczde 35,05 oldu.",
        "Ayl\u0131k enflasyon ise y\u00fczde 1,37 olarak ger\u00e7ekle\u015fti.",
    ],
    lead="ANKARA (AA) - ",
    agency="Anadolu",
    place="Ankara",
)


def check(cases: list[dict]) -> None:
    """Fail loudly on a malformed case: duplicate id, body words missing from text, stray whitespace."""
    ids = Counter(c["id"] for c in cases)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        sys.exit(f"duplicate ids: {dup}")
    for c in cases:
        body = c["expect"]["body"]
        for para in body.split("\n\n"):
            if para not in c["text"] or para != para.strip() or not para:
                sys.exit(f"{c['id']}: body paragraph not verbatim in text: {para[:60]!r}")
        if not c["tags"]:
            sys.exit(f"{c['id']}: no tags")


def main() -> None:
    check(CASES)
    out = HERE / "wire_copy.jsonl"
    out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES), encoding="utf-8")
    tags = Counter(t for c in CASES for t in c["tags"])
    print(f"{len(CASES)} cases -> {out}")
    for t, n in sorted(tags.items()):
        print(f"  {t}: {n}")


if __name__ == "__main__":
    main()
