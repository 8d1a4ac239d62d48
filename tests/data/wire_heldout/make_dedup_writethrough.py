"""Build dedup_writethrough.jsonl: blind held-out story clustering set, write-throughs and look-alikes.

    python tests/data/wire_heldout/make_dedup_writethrough.py   # rewrites dedup_writethrough.jsonl

Same row format as tests/data/dedup/labelled.jsonl: id, story (the label), kind (original,
writethrough, lookalike), how, source, title, published_at, text (raw, uncleaned). Written
without reading transforms/dedup/* or docs/dedup.md. Labelling rules are in README.md here.

A write-through is built from the original's paragraphs: a new first paragraph (sometimes two)
with fresher news on top, the original body kept (the old lead dropped or kept lower down as
the agency does), sometimes the last paragraphs cut. Look-alikes are separate stories.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROWS: list[dict] = []


def row(
    rid: str,
    story: str,
    kind: str,
    how: str,
    source: str,
    title: str,
    when: str,
    paras: list[str],
    dateline: str = "",
    trailer: list[str] = (),
) -> None:
    text = "\n\n".join([dateline + paras[0]] + paras[1:] + list(trailer))
    ROWS.append(
        {
            "id": rid,
            "story": story,
            "kind": kind,
            "how": how,
            "source": source,
            "title": title,
            "published_at": when,
            "text": text,
        }
    )


def story(
    sid: str,
    source: str,
    title: str,
    when: str,
    dateline: str,
    paras: list[str],
    trailer: list[str] = (),
    wts: list[dict] = (),
) -> None:
    """An original and its write-throughs. Each wt: title, when, lead (new paragraphs),
    keep (indices of original paragraphs kept, in order), how, optional dateline/trailer."""
    row(f"{sid}-0", sid, "original", "agency original", source, title, when, paras, dateline, trailer)
    for n, wt in enumerate(wts, 1):
        body = list(wt["lead"]) + [paras[i] for i in wt["keep"]]
        row(
            f"{sid}-{n}",
            sid,
            "writethrough",
            wt["how"],
            source,
            wt["title"],
            wt["when"],
            body,
            wt.get("dateline", dateline),
            wt.get("trailer", trailer),
        )


def lookalike(
    sid: str,
    how: str,
    source: str,
    title: str,
    when: str,
    paras: list[str],
    dateline: str = "",
    trailer: list[str] = (),
) -> None:
    row(f"{sid}-0", sid, "lookalike", how, source, title, when, paras, dateline, trailer)


# wt01 Reuters: Dhaka garment factory fire; toll rises, then owner detained
story(
    "wt01",
    "reuters",
    "Fire at Bangladesh garment factory kills nine",
    "2025-07-08T06:00:00+00:00",
    "DHAKA, July 8 (Reuters) - ",
    [
        "A fire tore through a garment factory on the outskirts of Bangladesh's capital on Tuesday, killing at least nine workers and injuring more than 20, fire officials said.",
        "The blaze broke out on the third floor of the six-storey building in Ashulia at around 8 a.m., shortly after the morning shift began, and spread quickly through stocks of fabric, said Mohammad Rafiqul Islam, a fire service official.",
        '"Many workers jumped from the windows to escape the smoke," Islam said. Eighteen fire units took more than three hours to bring the fire under control.',
        "The factory makes knitwear for European retailers, according to an industry association listing. Its owners could not be reached for comment.",
        "Bangladesh is the world's second-largest garment exporter after China, and the industry employs about four million people, most of them women.",
        "Safety in the sector has improved since the 2013 collapse of the Rana Plaza building killed more than 1,100 people, but labour groups say fire exits are still often locked or blocked in smaller factories.",
    ],
    trailer=["(Reporting by Ruma Karim; Editing by Neil Fulton)"],
    wts=[
        dict(
            title="UPDATE 1-Bangladesh factory fire death toll rises to 16",
            when="2025-07-08T10:30:00+00:00",
            how="new lead (toll 9->16), old lead dropped, body kept",
            lead=[
                "The death toll from a fire at a garment factory on the outskirts of Bangladesh's capital rose to 16 on Tuesday after rescuers found more bodies on the building's fourth floor, fire officials said, with dozens more workers in hospital."
            ],
            keep=[1, 2, 3, 4, 5],
            trailer=[
                "(Reporting by Ruma Karim; Additional reporting by Sudip Ghosh; Editing by Neil Fulton and Kim Coates)"
            ],
        ),
        dict(
            title="UPDATE 2-Bangladesh police detain factory owner after fire kills 16",
            when="2025-07-08T15:10:00+00:00",
            how="new lead + one new paragraph on top, last paragraph cut",
            lead=[
                "Bangladesh police detained the owner of a garment factory where a fire killed 16 workers on Tuesday, after survivors said the main exit had been locked, officials said.",
                '"We have taken the owner into custody for questioning and a case is being filed," said district police chief Abdul Karim Sarkar. The death toll rose from nine earlier in the day as rescuers searched the upper floors.',
            ],
            keep=[1, 2, 3, 4],
            trailer=["(Reporting by Ruma Karim; Additional reporting by Sudip Ghosh; Editing by Kim Coates)"],
        ),
    ],
)

# wt02 AP: earthquake in southern Peru, then deaths confirmed
story(
    "wt02",
    "ap",
    "Strong earthquake shakes southern Peru",
    "2025-07-10T03:20:00+00:00",
    "LIMA, Peru (AP) \u2014 ",
    [
        "A magnitude 6.1 earthquake struck southern Peru late Wednesday, shaking buildings in the city of Arequipa and sending residents running into the streets, but there were no immediate reports of serious damage.",
        "The U.S. Geological Survey said the quake was centered about 45 kilometers (28 miles) northwest of the town of Chala at a depth of 35 kilometers (22 miles).",
        "Peru's National Civil Defense Institute said it was gathering reports from the regions of Arequipa, Ayacucho and Ica. Video on social media showed rocks falling onto a highway near the coast.",
        "Peru sits on the Pacific \u201cRing of Fire,\u201d an arc of volcanoes and fault lines where most of the world's earthquakes occur. A magnitude 8.0 quake in 2007 killed more than 500 people in the Ica region.",
    ],
    trailer=[
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
    ],
    wts=[
        dict(
            title="Peru earthquake kills 2, damages homes in southern towns",
            when="2025-07-10T13:45:00+00:00",
            how="new lead (2 dead) + new second paragraph, original lead dropped",
            lead=[
                "A magnitude 6.1 earthquake that struck southern Peru killed two people and damaged dozens of adobe homes, officials said Thursday, as residents of coastal towns spent the night outdoors fearing aftershocks.",
                "A 71-year-old man died when a wall collapsed in the town of Yauca, and a woman was killed by falling rocks on the Pan-American Highway, the National Civil Defense Institute said. At least 18 people were injured.",
            ],
            keep=[1, 2, 3],
        ),
    ],
)

# wt03 Reuters: Bank of Thailand holds rate; then governor comments and baht move
story(
    "wt03",
    "reuters",
    "Thai central bank holds key rate at 1.75% as expected",
    "2025-06-25T07:05:00+00:00",
    "BANGKOK, June 25 (Reuters) - ",
    [
        "Thailand's central bank kept its key interest rate unchanged at 1.75% on Wednesday, as expected, saying it wanted to preserve policy space as the economy faces risks from U.S. tariffs and weak domestic demand.",
        "The monetary policy committee voted 5-2 to hold the one-day repurchase rate, with two members voting for a 25 basis point cut, the Bank of Thailand said in a statement.",
        "The decision was forecast by 19 of 25 economists in a Reuters poll. The bank cut rates in October and again in February and April.",
        "The committee kept its economic growth forecast for this year at 2.3% and for next year at 1.7%, and said headline inflation was likely to remain below its 1%-3% target range.",
        "Southeast Asia's second-largest economy has lagged regional peers, hurt by high household debt and a slow recovery in tourism.",
    ],
    trailer=["(Reporting by Siriporn Chaiyen and Nopparat Wongsa; Editing by Kavita Rao)"],
    wts=[
        dict(
            title="UPDATE 1-Thai central bank holds rate, warns of tariff hit; baht firms",
            when="2025-06-25T09:40:00+00:00",
            how="new lead + quotes paragraph on top, original kept from paragraph 2",
            lead=[
                "Thailand's central bank held its key interest rate at 1.75% on Wednesday but warned that U.S. tariffs could cut growth sharply in the second half, keeping the door open to further easing; the baht firmed after the decision.",
                '"Monetary policy is still accommodative, and we are ready to adjust if the outlook deteriorates," assistant governor Chayut Wongsiri told a news conference.',
            ],
            keep=[1, 2, 3, 4],
        ),
    ],
)

# wt04 AP: tornado in an Oklahoma town, three write-throughs
story(
    "wt04",
    "ap",
    "Tornado damages homes in small Oklahoma town",
    "2025-05-19T02:30:00+00:00",
    "MARLOW, Okla. (AP) \u2014 ",
    [
        "A tornado tore through a small town in southwest Oklahoma on Sunday evening, damaging dozens of homes and knocking out power to much of the community, emergency officials said.",
        "The storm hit the west side of Marlow shortly after 7 p.m., according to the National Weather Service, which had issued a tornado warning for Stephens County about 15 minutes earlier.",
        "Stephens County Emergency Management Director Jody Halverson said crews were going door to door checking on residents. \u201cWe have a lot of trees down, roofs off, and some homes that are just gone,\u201d she said.",
        "The Oklahoma Department of Emergency Management said the Red Cross had opened a shelter at a church in nearby Duncan.",
        "Forecasters had warned of a risk of severe storms across the southern Plains through Monday, with large hail and damaging winds also possible in north Texas.",
    ],
    wts=[
        dict(
            title="Tornado in southwest Oklahoma town injures at least 7",
            when="2025-05-19T05:15:00+00:00",
            how="new lead (7 injured), original lead kept as paragraph 2",
            lead=[
                "At least seven people were injured when a tornado tore through a small town in southwest Oklahoma on Sunday evening, officials said, as crews searched damaged homes into the night."
            ],
            keep=[0, 1, 2, 3, 4],
        ),
        dict(
            title="Oklahoma tornado kills 1, injures 7 in Marlow",
            when="2025-05-19T12:50:00+00:00",
            how="new lead (1 dead), new second paragraph, old lead dropped",
            lead=[
                "A tornado that struck a small town in southwest Oklahoma killed one person and injured at least seven others, officials said Monday, as residents began sorting through the remains of destroyed homes.",
                "The Stephens County medical examiner identified the victim as an 82-year-old woman whose mobile home was thrown across a road. Six of the injured were treated and released from a hospital in Duncan.",
            ],
            keep=[1, 2, 3],
        ),
        dict(
            title="Weather service says tornado that hit Oklahoma town was an EF3",
            when="2025-05-19T21:30:00+00:00",
            how="new lead (EF3 rating) + two new paragraphs, last two original paragraphs cut",
            lead=[
                "The tornado that killed one person and injured seven in a small southwest Oklahoma town was an EF3 with winds of up to 150 mph (241 kph), the National Weather Service said Monday after surveying the damage.",
                "The storm carved a path about 6 miles (10 kilometers) long and a quarter-mile wide through the west side of Marlow, destroying at least 40 homes, the weather service said.",
                "The governor said he would ask for a federal disaster declaration for Stephens County.",
            ],
            keep=[1, 2],
        ),
    ],
)

# wt05 Reuters: fictional Swedish truck maker results, then share reaction
story(
    "wt05",
    "reuters",
    "Sweden's Norrvik Trucks Q2 profit falls as orders slump",
    "2025-07-17T05:45:00+00:00",
    "STOCKHOLM, July 17 (Reuters) - ",
    [
        "Swedish truck maker Norrvik reported a 31% drop in second-quarter operating profit on Thursday, missing forecasts, as customers in Europe and North America held back orders amid uncertainty over tariffs.",
        "Adjusted operating income fell to 7.9 billion Swedish crowns ($822 million) from 11.4 billion a year earlier, below the 8.6 billion expected by analysts in an LSEG poll.",
        "Net order intake for trucks fell 12% from a year earlier, with orders in North America down 27%.",
        '"Customers are postponing investments until there is more clarity on trade policy," Chief Executive Karin Edholm said in a statement.',
        "The company kept its forecast for the European heavy-truck market at around 280,000 vehicles this year and cut its North American forecast to 255,000 from 275,000.",
    ],
    trailer=["(Reporting by Marie Lindgren; Editing by Terje Solheim)"],
    wts=[
        dict(
            title="UPDATE 1-Norrvik Trucks shares slide after profit miss, US order slump",
            when="2025-07-17T08:20:00+00:00",
            how="new lead (share fall) + analyst paragraph, original lead kept lower",
            lead=[
                "Shares in Swedish truck maker Norrvik fell 7% on Thursday after it reported a bigger-than-expected drop in quarterly profit and said North American orders had slumped as customers waited for clarity on U.S. tariffs.",
                '"The order intake is the weak spot, and it points to a soft second half," said Jonas Ekberg, an analyst at a Stockholm brokerage.',
            ],
            keep=[0, 1, 2, 3, 4],
            trailer=["(Reporting by Marie Lindgren; Editing by Terje Solheim and Louise Harker)"],
        ),
    ],
)

# wt06 AP: missing hikers found in Colorado
story(
    "wt06",
    "ap",
    "Search underway for 2 hikers missing on Colorado peak",
    "2025-08-11T16:00:00+00:00",
    "BUENA VISTA, Colo. (AP) \u2014 ",
    [
        "Search teams on Monday were looking for two hikers from Texas who failed to return from a climb of a 14,000-foot peak in central Colorado after a night of thunderstorms and hail, authorities said.",
        "The two men, ages 24 and 27, set out early Sunday to climb Mount Harvard in the Collegiate Peaks Wilderness and were last heard from around noon, when one texted a relative from near the summit, the Chaffee County Sheriff's Office said.",
        "About 30 searchers and a Colorado National Guard helicopter were taking part. Lightning and low clouds had forced crews to pause the search overnight.",
        "Sheriff's officials urged hikers to start early and turn back before afternoon storms, which are common in the Colorado mountains in summer.",
    ],
    wts=[
        dict(
            title="2 hikers found alive after night on Colorado's Mount Harvard",
            when="2025-08-11T23:40:00+00:00",
            how="new lead (found alive) + rescue details, last paragraph kept, old lead dropped",
            lead=[
                "Two hikers from Texas who went missing on a 14,000-foot peak in central Colorado were found alive Monday afternoon, cold and dehydrated but able to walk out with rescuers, authorities said.",
                "A helicopter crew spotted the men in a drainage on the north side of Mount Harvard, about 2 miles (3 kilometers) from the trail, where they had sheltered under rocks during the storm, Chaffee County Sheriff Dale Morrow said.",
            ],
            keep=[1, 2, 3],
        ),
    ],
)

# wt07 Reuters: Czech train derailment, two updates
story(
    "wt07",
    "reuters",
    "Passenger train derails in eastern Czech Republic, several injured",
    "2025-09-04T08:15:00+00:00",
    "PRAGUE, Sept 4 (Reuters) - ",
    [
        "A passenger train derailed near the eastern Czech town of Prerov on Thursday morning, injuring several people, the rescue service said, and closing one of the country's main rail lines.",
        "Three carriages of the regional train, which was travelling from Ostrava to Olomouc with about 120 passengers on board, left the tracks at a set of points outside Prerov station at around 7:40 a.m., the rail infrastructure administrator said.",
        "Rescuers set up a triage area next to the track and helicopters were sent to the scene, a spokeswoman for the Olomouc region rescue service told public broadcaster Czech Television.",
        "Trains between Prerov and Hranice were diverted, and long-distance services to Slovakia and Poland were running with delays of up to an hour, operator Ceske drahy said.",
        "The Czech Republic has one of Europe's densest rail networks but has suffered several serious accidents in recent years, including a 2024 collision in Pardubice that killed four people.",
    ],
    trailer=["(Reporting by Tomas Hruby and Petra Novotna; Editing by Alison Ward)"],
    wts=[
        dict(
            title="UPDATE 1-Czech train derailment injures 23, two seriously",
            when="2025-09-04T10:30:00+00:00",
            how="new lead (23 injured), old lead dropped",
            lead=[
                "Twenty-three people were injured, two of them seriously, when a passenger train derailed near the eastern Czech town of Prerov on Thursday, the rescue service said, closing one of the country's main rail lines."
            ],
            keep=[1, 2, 3, 4],
        ),
        dict(
            title="UPDATE 2-Czech investigators look at faulty points after train derailment",
            when="2025-09-04T15:55:00+00:00",
            how="new lead (cause) + minister quote, last paragraph cut",
            lead=[
                "Czech rail investigators are examining whether a faulty set of points caused a passenger train to derail near the eastern town of Prerov on Thursday, injuring 23 people, two of them seriously.",
                '"We cannot rule out anything at this stage, but the points are the focus," Transport Minister Pavel Dvoracek told reporters at the scene. The line was expected to reopen on Friday morning.',
            ],
            keep=[1, 2, 3],
        ),
    ],
)

# wt08 AP: state supreme court ruling on legislative maps, reactions added
story(
    "wt08",
    "ap",
    "Wisconsin Supreme Court orders new legislative maps",
    "2025-03-14T17:10:00+00:00",
    "MADISON, Wis. (AP) \u2014 ",
    [
        "The Wisconsin Supreme Court on Friday ordered the state to draw new state Senate districts before the 2026 election, ruling 4-3 that the current map violates a constitutional requirement that districts be contiguous.",
        "The court gave the Legislature and the governor until May 1 to agree on new boundaries. If they do not, the justices said, the court would pick from maps submitted by the parties.",
        "Writing for the majority, Justice Alana Torres said the map included 11 districts made up of pieces of territory that do not touch one another. \u201cA district that cannot be walked from one end to the other is not contiguous in any ordinary sense of the word,\u201d she wrote.",
        "In a dissent, Justice Robert Hale said the majority had ignored decades of practice and was \u201cinviting the court into the most political of questions.\u201d",
        "Republicans have held majorities in both chambers of the Legislature since 2011, when they drew maps that Democrats have long said were gerrymandered in the GOP's favor.",
        "Voters in the battleground state are closely divided, with statewide races often decided by fewer than 30,000 votes.",
    ],
    trailer=[
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
    ],
    wts=[
        dict(
            title="Wisconsin Republicans vow to fight court order for new Senate maps",
            when="2025-03-14T22:05:00+00:00",
            how="new lead (reactions) + new paragraph, original kept in full below",
            lead=[
                "Wisconsin Republican leaders vowed Friday to ask the U.S. Supreme Court to intervene after the state's highest court ordered new state Senate districts drawn before the 2026 election, while Democrats celebrated what they called a long-overdue ruling.",
                "\u201cThis is a partisan court doing partisan work,\u201d Senate Majority Leader Tom Brennan said in a statement. Democratic Gov. Ellen Marsh said she was ready to work with lawmakers on \u201cfair maps that follow the constitution.\u201d",
            ],
            keep=[0, 1, 2, 3, 4, 5],
        ),
    ],
)

# wt09 Reuters: Nairobi protests, deaths reported later
story(
    "wt09",
    "reuters",
    "Kenyan police fire tear gas at protesters in Nairobi",
    "2025-06-25T09:30:00+00:00",
    "NAIROBI, June 25 (Reuters) - ",
    [
        "Kenyan police fired tear gas and water cannon at protesters in central Nairobi on Wednesday as thousands marched to mark the anniversary of last year's deadly demonstrations against tax increases.",
        "Protesters, many of them young, waved national flags and chanted slogans against President William Ruto, blocking roads leading to parliament, a Reuters witness said.",
        "Businesses in the city centre were shut and police had sealed off streets around State House with razor wire.",
        "The Communications Authority ordered television and radio stations to stop live coverage of the protests, a directive that media groups said was unconstitutional.",
        "At least 60 people were killed during last year's protests, which forced Ruto to withdraw a finance bill containing tax increases, according to rights groups.",
    ],
    trailer=["(Reporting by Peter Mwangi and Grace Otieno; Writing by Henry Hollis; Editing by Ros Bennett)"],
    wts=[
        dict(
            title="UPDATE 2-Eight killed as Kenyan police clash with protesters, rights group says",
            when="2025-06-25T17:05:00+00:00",
            how="new lead (8 dead) + rights group paragraph, last paragraph cut",
            lead=[
                "At least eight people were killed and 400 injured in Kenya on Wednesday as police fired tear gas, water cannon and live rounds at protesters marking the anniversary of last year's deadly demonstrations against tax increases, Amnesty Kenya said.",
                "Most of the deaths were from gunshot wounds, the rights group said in a statement. Police did not immediately respond to a request for comment.",
            ],
            keep=[1, 2, 3],
            trailer=[
                "(Reporting by Peter Mwangi, Grace Otieno and Samuel Kiprop; Writing by Henry Hollis; Editing by Ros Bennett and Frances Kemp)"
            ],
        ),
    ],
)

# wt10 AP: heat wave in Spain, record
story(
    "wt10",
    "ap",
    "Spain swelters as early heat wave grips southern Europe",
    "2025-06-29T10:00:00+00:00",
    "MADRID (AP) \u2014 ",
    [
        "Spain sweltered on Sunday under an unusually early heat wave, with temperatures forecast to reach 44 degrees Celsius (111 Fahrenheit) in parts of the south, as authorities in Portugal, Italy and Greece also issued heat warnings.",
        "Spain's national weather agency AEMET put the cities of Seville and Cordoba on red alert and said overnight temperatures in some areas would not fall below 25 C (77 F).",
        "Health authorities urged people to stay indoors during the hottest hours, drink water and check on elderly neighbors. Madrid opened air-conditioned rooms in public libraries as \u201cclimate shelters.\u201d",
        "In Italy, the health ministry issued red alerts for 21 cities including Rome, Florence and Bologna, and several regions banned outdoor work in the early afternoon.",
        "Scientists say heat waves in Europe are becoming more frequent and intense as a result of human-caused climate change.",
    ],
    wts=[
        dict(
            title="Spain records hottest June day as heat wave grips Europe",
            when="2025-06-29T19:30:00+00:00",
            how="new lead (record) + new paragraph on top, original lead dropped",
            lead=[
                "Spain recorded its highest-ever June temperature on Sunday when a thermometer in the southwestern town of El Granado reached 46 C (114.8 F), the national weather agency said, as an early heat wave tightened its grip on southern Europe.",
                "The previous June record of 45.2 C (113.4 F) was set in Seville in 1965, AEMET said.",
            ],
            keep=[1, 2, 3, 4],
        ),
        dict(
            title="Spain records hottest June day; Portugal sees 46.6 C",
            when="2025-06-30T07:15:00+00:00",
            how="overnight rewrite: new lead combining both records, body cut to three paragraphs",
            lead=[
                "Spain and Portugal both recorded their highest-ever June temperatures over the weekend, with a thermometer in the Portuguese town of Mora reaching 46.6 C (115.9 F) on Sunday, as an early heat wave gripped southern Europe.",
                "In Spain, the southwestern town of El Granado hit 46 C (114.8 F), beating a June record set in Seville in 1965, the national weather agency AEMET said.",
            ],
            keep=[1, 2, 3],
        ),
    ],
)

# wt11 Reuters: Finnair strike cancellations
story(
    "wt11",
    "reuters",
    "Finnair cancels 200 flights as union stages strike",
    "2025-06-10T05:30:00+00:00",
    "HELSINKI, June 10 (Reuters) - ",
    [
        "Finnair cancelled about 200 flights on Tuesday, affecting around 20,000 passengers, as a union representing pilots staged a 24-hour strike in a dispute over pay, the airline said.",
        "The Finnish Airline Pilots' Association has held a series of walkouts and overtime bans since April after talks on a new collective agreement broke down.",
        '"We deeply regret the inconvenience to our customers," Finnair said in a statement, adding that it was offering rebookings and refunds.',
        "The airline estimated in May that the industrial action had cost it around 40 million euros ($46 million) in lost operating profit so far this year.",
    ],
    trailer=["(Reporting by Anna Koskinen; Editing by Louise Rasmussen)"],
    wts=[
        dict(
            title="UPDATE 1-Finnair cuts profit outlook as pilot strikes drag on",
            when="2025-06-10T09:05:00+00:00",
            how="new lead (guidance cut) + figure paragraph on top, original lead kept, last paragraph cut",
            lead=[
                "Finnair lowered its full-year profit outlook on Tuesday as a pilots' strike forced it to cancel about 200 more flights, and said the dispute had now cost it around 55 million euros ($63 million).",
                "The airline said it now expects comparable operating profit of 150 million to 200 million euros this year, down from a previous range of 200 million to 260 million.",
            ],
            keep=[0, 1, 2],
            trailer=["(Reporting by Anna Koskinen; Editing by Louise Rasmussen and Jason Neal)"],
        ),
    ],
)

# wt12 AP: ferry sinks off Indonesia, rescue updates
story(
    "wt12",
    "ap",
    "Ferry with 65 aboard sinks off Indonesia's Bali",
    "2025-07-02T17:00:00+00:00",
    "JAKARTA, Indonesia (AP) \u2014 ",
    [
        "A ferry carrying 65 people sank late Wednesday in the strait between Indonesia's islands of Java and Bali, and rescuers pulled at least 20 survivors from the water, officials said.",
        "The KMP Tunu Pratama Jaya went down about 30 minutes after leaving the port of Ketapang in East Java for Gilimanuk in Bali, the National Search and Rescue Agency said. It was carrying 53 passengers, 12 crew members and 22 vehicles.",
        "Several survivors were found floating in life jackets after hours in the water, said Bambang Hartono, head of the search agency's Surabaya office. Four rescue boats were taking part, and high waves were hampering the search, he said.",
        "Boat accidents are common in Indonesia, an archipelago of 17,000 islands, where ferries are often overloaded and safety standards are loosely enforced.",
        "In 2018, more than 160 people drowned when a ferry sank in one of the world's deepest lakes on Sumatra island.",
    ],
    wts=[
        dict(
            title="4 dead, 29 missing after ferry sinks between Java and Bali",
            when="2025-07-03T04:20:00+00:00",
            how="new lead (4 dead, 29 missing), original lead dropped",
            lead=[
                "At least four people died and 29 were missing after a ferry carrying 65 people sank in the strait between Indonesia's islands of Java and Bali, officials said Thursday, as rescuers searched rough waters for survivors."
            ],
            keep=[1, 2, 3, 4],
        ),
        dict(
            title="Indonesia ferry search widens as survivors describe sudden sinking",
            when="2025-07-03T11:30:00+00:00",
            how="new lead + survivor paragraph, last two paragraphs cut",
            lead=[
                "Rescuers widened their search on Thursday for 29 people missing after a ferry sank between Indonesia's islands of Java and Bali, as survivors described water flooding the vehicle deck within minutes of leaving port.",
                "\u201cThe ship tilted suddenly and everyone was screaming,\u201d said Eko Santoso, a truck driver who swam for hours before being picked up by a fishing boat. At least four people died.",
            ],
            keep=[1, 2],
        ),
    ],
)

# wt13 Reuters: Chile copper mine collapse, miners trapped then bodies found
story(
    "wt13",
    "reuters",
    "Five workers trapped after collapse at Chile copper mine",
    "2025-08-01T13:20:00+00:00",
    "SANTIAGO, Aug 1 (Reuters) - ",
    [
        "Five workers were trapped underground on Friday after a section of a tunnel collapsed at a large copper mine in central Chile, following a seismic event in the area, the mine's operator said.",
        "The collapse occurred in a new section of the underground mine where development work was under way, and about 2,000 workers were evacuated from other areas, the operator said in a statement.",
        'Mining Minister Carolina Rojas said rescue teams were working to reach the area but that access was difficult because of unstable rock. "Our priority is the lives of the workers," she told reporters.',
        "Chile is the world's largest copper producer. The mine produced around 350,000 metric tons of copper last year.",
        "Shares of copper miners fell in London and copper prices rose on the news, traders said.",
    ],
    trailer=["(Reporting by Felipe Araya and Alejandro Vidal; Editing by Sandra Mills)"],
    wts=[
        dict(
            title="UPDATE 3-Chile mine rescuers find body of one worker, four still missing",
            when="2025-08-02T22:10:00+00:00",
            how="next-day write-through: new lead (one body found) + new paragraph, market paragraph cut",
            dateline="SANTIAGO, Aug 2 (Reuters) - ",
            lead=[
                "Rescuers found the body of one of five workers trapped by a tunnel collapse at a copper mine in central Chile, the operator said on Saturday, as teams dug through rubble to reach four others still missing.",
                "The company said it had halted operations at the mine while the search continued and that an investigation into the cause of the collapse had begun.",
            ],
            keep=[1, 2, 3],
            trailer=["(Reporting by Felipe Araya; Editing by Diane Cross)"],
        ),
    ],
)

# wt14 AP: Swiss referendum result
story(
    "wt14",
    "ap",
    "Swiss voters reject plan to cut public broadcaster fee",
    "2025-11-30T14:00:00+00:00",
    "GENEVA (AP) \u2014 ",
    [
        "Swiss voters appeared set on Sunday to reject a proposal to sharply cut the annual fee that funds the country's public broadcaster, according to projections based on partial results.",
        "The initiative, backed by the nationalist Swiss People's Party, would have lowered the household fee from 335 Swiss francs ($417) to 200 francs and exempted businesses from paying it.",
        "Supporters said Swiss households paid one of the highest broadcast fees in Europe. Opponents, including the government, warned the cut would force the broadcaster, SRG SSR, to drop programs in the country's four national languages.",
        "Under Switzerland's system of direct democracy, citizens can force a national vote on a proposal by collecting 100,000 signatures.",
    ],
    wts=[
        dict(
            title="Swiss voters reject cutting public broadcaster fee, final results show",
            when="2025-11-30T18:30:00+00:00",
            how="new lead with final figures, original lead dropped, body unchanged",
            lead=[
                "Swiss voters on Sunday rejected a proposal to sharply cut the annual fee that funds the country's public broadcaster, with 61.4% voting no and a majority against it in all but three cantons, final results showed."
            ],
            keep=[1, 2, 3],
        ),
    ],
)


# wt15 Reuters: two-paragraph urgent, then written through to a full story with an "(Adds ...)" note
story(
    "wt15",
    "reuters",
    "Chile's central bank cuts key rate to 4.75%",
    "2025-07-22T22:05:00+00:00",
    "SANTIAGO, July 22 (Reuters) - ",
    [
        "Chile's central bank cut its benchmark interest rate by 25 basis points to 4.75% on Tuesday, in a unanimous decision that was in line with analysts' expectations.",
        "The bank said in a statement that inflation had evolved in line with its forecasts and that it expected it to converge to its 3% target in the first half of next year.",
    ],
    trailer=["(Reporting by Felipe Araya; Editing by Dina Cole)"],
    wts=[
        dict(
            title="UPDATE 1-Chile's central bank cuts rate to 4.75%, signals more easing",
            when="2025-07-22T23:40:00+00:00",
            how="urgent written through: '(Adds ...)' note on top, snap kept whole, four paragraphs added below",
            dateline="(Adds details from statement, economist comment, background)\n\nSANTIAGO, July 22 (Reuters) - ",
            lead=[],
            keep=[0, 1],
            trailer=[
                "The bank's board said further cuts would depend on the evolution of the macroeconomic scenario, a phrase analysts read as a signal that easing would continue at a gradual pace.",
                '"The statement leaves the door open to another cut in September," said Camila Fuentes, chief economist at a Santiago brokerage.',
                "Annual inflation slowed to 4.1% in June from 4.4% in May, data from the national statistics institute showed earlier this month.",
                "The peso was little changed after the decision, which was announced after local markets closed.",
                "(Reporting by Felipe Araya; Additional reporting by Alejandro Vidal; Editing by Dina Cole and Sandra Mills)",
            ],
        ),
    ],
)

# wt16 AP: breaking-news write-through with AP's "earlier story follows below" line
story(
    "wt16",
    "ap",
    "Gunfire reported at Nashville shopping mall",
    "2025-10-18T20:10:00+00:00",
    "NASHVILLE, Tenn. (AP) \u2014 ",
    [
        "Police in Nashville said they were responding Saturday afternoon to reports of gunfire at a shopping mall in the southern part of the city and urged people to avoid the area.",
        "Metro Nashville Police Department spokesman Brian Keller said officers were clearing the mall store by store. Video posted online showed shoppers running through a parking lot.",
        "Several ambulances were seen outside the mall's main entrance, and nearby roads were closed.",
    ],
    wts=[
        dict(
            title="Police say 1 person wounded, suspect in custody after shooting at Nashville mall",
            when="2025-10-18T21:25:00+00:00",
            how="AP breaking-news update: new lead + 'earlier story follows below' line, old story kept whole",
            lead=[
                "One person was wounded and a suspect was taken into custody after a shooting at a shopping mall in Nashville on Saturday afternoon, police said.",
                "THIS IS A BREAKING NEWS UPDATE. AP\u2019s earlier story follows below.",
            ],
            keep=[0, 1, 2],
        ),
    ],
)


# --------------------------------------------------------------------------- look-alikes: templated daily reports
MKT = [
    (
        "lk-mkt1",
        "2025-07-14T10:45:00+00:00",
        "July 14",
        "Monday",
        "Indian shares slip as IT stocks drag after TCS results",
        "Indian shares fell on Monday, dragged by IT stocks after Tata Consultancy Services' quarterly revenue missed estimates.",
        "The Nifty 50 fell 0.3% to 25,082.30 as of 10:30 a.m. IST, while the BSE Sensex lost 0.2% to 82,253.46.",
        "Small-caps declined 0.7% and mid-caps lost 0.4%. Ten of the 13 major sectors logged losses.",
        "Foreign portfolio investors sold shares worth 59.6 billion rupees on Friday, provisional exchange data showed.",
    ),
    (
        "lk-mkt2",
        "2025-07-15T10:40:00+00:00",
        "July 15",
        "Tuesday",
        "Indian shares rise as auto stocks lead gains",
        "Indian shares rose on Tuesday, led by auto stocks after a brokerage upgraded Maruti Suzuki, which gained 2.1%.",
        "The Nifty 50 rose 0.5% to 25,195.80 as of 10:30 a.m. IST, while the BSE Sensex gained 0.4% to 82,570.91.",
        "Small-caps gained 0.9% and mid-caps added 0.6%. Eleven of the 13 major sectors logged gains.",
        "Foreign portfolio investors sold shares worth 18.3 billion rupees on Monday, provisional exchange data showed.",
    ),
    (
        "lk-mkt3",
        "2025-07-16T10:50:00+00:00",
        "July 16",
        "Wednesday",
        "Indian shares flat as metals offset bank losses",
        "Indian shares were little changed on Wednesday, as gains in metal stocks on hopes of Chinese stimulus offset losses in private banks.",
        "The Nifty 50 was flat at 25,212.05 as of 10:30 a.m. IST, while the BSE Sensex edged up 0.03% to 82,634.48.",
        "Small-caps rose 0.2% while mid-caps slipped 0.1%. Metals gained 1.1% and private banks fell 0.6%.",
        "Foreign portfolio investors bought shares worth 1.2 billion rupees on Tuesday, provisional exchange data showed.",
    ),
]
for sid, when, day, _weekday, title, lead, index, caps, flows in MKT:
    lookalike(
        sid,
        "template: Reuters Indian shares midday, other day and figures",
        "reuters",
        title,
        when,
        [
            lead,
            index,
            caps,
            flows,
            "Investors are also awaiting India's June retail inflation data and progress in trade talks between New Delhi and Washington, analysts said.",
        ],
        dateline=f"BENGALURU, {day} (Reuters) - ",
        trailer=["(Reporting by Rohit Sharma; Editing by Sonia Chopra)"],
    )

FX = [
    (
        "lk-fx1",
        "2025-07-07T11:20:00+00:00",
        "Jul 7",
        "12 paise",
        "higher",
        "85.62",
        "85.74",
        "85.55",
        "85.70",
        "97.02",
        "0.15 per cent",
        "USD 69.88",
        "1,200.45",
    ),
    (
        "lk-fx2",
        "2025-07-08T11:25:00+00:00",
        "Jul 8",
        "9 paise",
        "lower",
        "85.71",
        "85.58",
        "85.52",
        "85.76",
        "97.41",
        "0.32 per cent",
        "USD 70.10",
        "482.18",
    ),
]
for sid, when, day, paise, dirn, close, opn, hi, lo, dxy, brent_pct, brent, fii in FX:
    lookalike(
        sid,
        "template: PTI rupee close, other day and figures",
        "pti",
        f"Rupee settles {paise} {dirn} at {close} against US dollar",
        when,
        [
            f"The rupee settled {paise} {dirn} at {close} (provisional) against the US dollar on {'Monday' if day == 'Jul 7' else 'Tuesday'}, tracking movements in the dollar index and crude oil prices, forex traders said.",
            f"At the interbank foreign exchange, the rupee opened at {opn} and traded between {hi} and {lo} during the session before settling at {close}.",
            f"The dollar index, which gauges the greenback's strength against a basket of six currencies, was at {dxy}, while Brent crude futures moved {brent_pct} to {brent} per barrel.",
            f"Foreign institutional investors were net {'buyers' if dirn == 'higher' else 'sellers'} in the capital markets, purchasing equities worth Rs {fii} crore, according to exchange data."
            if dirn == "higher"
            else f"Foreign institutional investors were net sellers in the capital markets, offloading equities worth Rs {fii} crore, according to exchange data.",
        ],
        dateline=f"Mumbai, {day} (PTI) ",
        trailer=["PTI DRR HVA"],
    )

WX = [
    (
        "lk-wx1",
        "2025-07-05T03:00:00+00:00",
        "5th July",
        "humid by night and Saturday morning, with a probability of mist formation over some internal areas",
        "47",
        "29",
        "light to moderate, freshening at times",
        "slight to moderate",
    ),
    (
        "lk-wx2",
        "2025-07-06T03:00:00+00:00",
        "6th July",
        "hazy at times, with convective clouds forming eastward by afternoon that may be associated with rainfall",
        "49",
        "31",
        "moderate to fresh, causing blowing dust",
        "moderate to rough",
    ),
]
for sid, when, day, cond, hi, lo, wind, sea in WX:
    lookalike(
        sid,
        "template: WAM/NCM daily weather, other day",
        "wam",
        f"UAE weather: fair to partly cloudy, temperatures up to {hi}\u00b0C",
        when,
        [
            f"The National Centre of Meteorology (NCM) has forecast fair to partly cloudy weather today, becoming {cond}.",
            f"Temperatures will reach {hi}\u00b0C in internal areas and fall to {lo}\u00b0C in coastal areas, the NCM said.",
            f"Winds will be southeasterly to northwesterly, {wind}, with speeds of 10 to 25 km/hr reaching 35 km/hr.",
            f"The sea will be {sea} in the Arabian Gulf and slight in the Oman Sea.",
        ],
        dateline=f"ABU DHABI, {day}, 2025 (WAM) -- ",
    )

GAMES = [
    (
        "lk-mlb1",
        "2025-08-16T03:10:00+00:00",
        "Friday night",
        "opener",
        "6-3",
        "Tides",
        "Bulls",
        "Marcus Ortega hit a three-run homer in the first inning",
        "Eli Brandt (8-5) struck out nine over six innings",
        "Ryan Castellanos (9-9) allowed five runs in 4 2/3 innings",
        "three",
        "8,412",
    ),
    (
        "lk-mlb2",
        "2025-08-17T02:55:00+00:00",
        "Saturday night",
        "second game",
        "4-2",
        "Bulls",
        "Tides",
        "Devin Okafor hit a two-run homer in the eighth inning",
        "Sam Kirby (4-1) pitched a scoreless eighth",
        "Luis Marrero (3-3) took the loss",
        "two",
        "9,007",
    ),
]
for sid, when, night, which, score, winner, loser, hero, wp, lp, lost, crowd in GAMES:
    lookalike(
        sid,
        "template: AP game recap, same teams and ballpark, next game of the series",
        "ap",
        f"{winner} beat {loser} {score}",
        when,
        [
            f"{hero} and the Norfolk Tides beat the Durham Bulls {score} on {night} in the {which} of a three-game series."
            if winner == "Tides"
            else f"{hero} and the Durham Bulls beat the Norfolk Tides {score} on {night} in the {which} of a three-game series.",
            f"{wp}, and the {winner} pulled within a game of first place in the International League East.",
            f"{lp} for the {loser}, who have lost {lost} of their last four.",
            f"The attendance at Harbor Park was {crowd}.",
        ],
        dateline="NORFOLK, Va. (AP) — ",
    )


LOTTO = [
    (
        "lk-lotto1",
        "2025-07-06T04:00:00+00:00",
        "Saturday",
        "$174 million",
        "14, 27, 33, 48, 62",
        "9",
        "$186 million",
        "Monday",
    ),
    (
        "lk-lotto2",
        "2025-07-08T04:00:00+00:00",
        "Monday",
        "$186 million",
        "3, 19, 36, 51, 66",
        "22",
        "$197 million",
        "Wednesday",
    ),
]
for sid, when, day, jackpot, balls, pb, nxt, nday in LOTTO:
    lookalike(
        sid,
        "template: AP lottery result, next draw",
        "ap",
        f"No Powerball jackpot winner; prize grows to {nxt}",
        when,
        [
            f"No ticket matched all six numbers in {day} night's Powerball drawing, lottery officials said, pushing the estimated jackpot to {nxt} for {nday}'s drawing.",
            f"The numbers drawn for the {jackpot} prize were {balls} and the Powerball {pb}.",
            "The odds of winning the jackpot are about 1 in 292.2 million. Powerball is played in 45 states, Washington, D.C., Puerto Rico and the U.S. Virgin Islands.",
        ],
        dateline="DES MOINES, Iowa (AP) \u2014 ",
    )


# --------------------------------------------------------------------------- look-alikes: follow-ups, same place/day
def orig(sid: str, i: int) -> str:
    """Paragraph i (>= 1, so no dateline) of a story's original, reused verbatim as background."""
    assert i >= 1
    return next(r for r in ROWS if r["id"] == f"{sid}-0")["text"].split("\n\n")[i]


lookalike(
    "lk-wt01-next",
    "next-day follow-up of wt01 (funerals, protest), reuses 2 background paragraphs",
    "reuters",
    "Bangladesh garment workers protest after deadly factory fire",
    "2025-07-09T09:30:00+00:00",
    [
        "Hundreds of garment workers blocked a highway outside Dhaka on Wednesday to demand compensation and the arrest of factory managers, a day after a fire at a knitwear plant killed 16 of their colleagues.",
        "Police used batons to disperse protesters who had stopped traffic on the Dhaka-Tangail highway for about two hours, witnesses said. Several factories in the Ashulia industrial belt closed for the day.",
        "The government announced compensation of 200,000 taka ($1,640) for the family of each worker killed and formed a five-member committee to investigate the fire, Labour Secretary Abdul Mannan told reporters.",
        "Funerals for several of the victims were held in their home villages in northern Bangladesh.",
        orig("wt01", 4),
        orig("wt01", 5),
    ],
    dateline="DHAKA, July 9 (Reuters) - ",
    trailer=["(Reporting by Ruma Karim; Editing by Gareth Jones)"],
)

lookalike(
    "lk-wt01-sameday",
    "same city and day as wt01, different event (building collapse)",
    "reuters",
    "Building collapse in old Dhaka kills three",
    "2025-07-08T13:00:00+00:00",
    [
        "A four-storey residential building collapsed in the old part of Bangladesh's capital on Tuesday, killing at least three people and injuring 11, fire officials said, hours after a deadly factory fire on the city's outskirts.",
        "The building in the crowded Lalbagh neighbourhood gave way after days of heavy monsoon rain, and rescuers were searching the rubble for at least two more people believed to be trapped, said Mohammad Rafiqul Islam, a fire service official.",
        "City authorities had listed the building as risky in 2019, a municipal official said.",
        orig("wt01", 5),
    ],
    dateline="DHAKA, July 8 (Reuters) - ",
    trailer=["(Reporting by Ruma Karim; Editing by Neil Fulton)"],
)

lookalike(
    "lk-wt02-nextquake",
    "another earthquake in Peru a week after wt02, reuses the Ring of Fire paragraph",
    "ap",
    "Magnitude 5.6 earthquake shakes northern Peru",
    "2025-07-17T06:40:00+00:00",
    [
        "A magnitude 5.6 earthquake shook northern Peru early Thursday, cracking walls in the city of Piura and briefly cutting power to several neighborhoods, officials said. No deaths were reported.",
        "The U.S. Geological Survey said the quake was centered about 20 kilometers (12 miles) southeast of Sullana at a depth of 40 kilometers (25 miles).",
        "Residents of Piura said they ran out of their homes in the dark. \u201cThe whole bed moved,\u201d said shopkeeper Rosa Quispe.",
        orig("wt02", 3),
    ],
    dateline="LIMA, Peru (AP) \u2014 ",
)

lookalike(
    "lk-wt03-nextmeeting",
    "next rate decision of the same central bank (template), reuses background",
    "reuters",
    "Thai central bank cuts key rate to 1.50% to support economy",
    "2025-08-13T07:05:00+00:00",
    [
        "Thailand's central bank cut its key interest rate by 25 basis points to 1.50% on Wednesday, as expected, saying the move would support an economy facing risks from U.S. tariffs and weak domestic demand.",
        "The monetary policy committee voted unanimously to lower the one-day repurchase rate, the Bank of Thailand said in a statement.",
        "The decision was forecast by 22 of 26 economists in a Reuters poll.",
        "The committee raised its economic growth forecast for this year to 2.0% from 1.8% and kept next year's at 1.7%, and said headline inflation was likely to remain below its 1%-3% target range.",
        orig("wt03", 4),
    ],
    dateline="BANGKOK, Aug 13 (Reuters) - ",
    trailer=["(Reporting by Siriporn Chaiyen and Nopparat Wongsa; Editing by Kavita Rao)"],
)

lookalike(
    "lk-wt04-sameday",
    "same county and evening as wt04, different event (hail, flash floods elsewhere)",
    "ap",
    "Hail, flash flooding hit Oklahoma City area as storms sweep state",
    "2025-05-19T04:10:00+00:00",
    [
        "Hail the size of golf balls and flash flooding hit the Oklahoma City area on Sunday night as severe storms swept across the state, stranding drivers on Interstate 40 and knocking out power to about 30,000 customers.",
        "Firefighters rescued at least a dozen people from cars trapped in high water in Moore and Norman, officials said. No serious injuries were reported.",
        "OG&E said crews would work through the night to restore power.",
        orig("wt04", 4),
    ],
    dateline="OKLAHOMA CITY (AP) \u2014 ",
)

lookalike(
    "lk-wt05-lastquarter",
    "same company's previous quarterly report (template), different figures",
    "reuters",
    "Sweden's Norrvik Trucks Q1 profit beats forecasts on strong service sales",
    "2025-04-24T05:45:00+00:00",
    [
        "Swedish truck maker Norrvik reported a smaller-than-expected 9% drop in first-quarter operating profit on Thursday, as strong sales of spare parts and services offset lower truck deliveries.",
        "Adjusted operating income fell to 9.6 billion Swedish crowns ($1.0 billion) from 10.5 billion a year earlier, above the 9.1 billion expected by analysts in an LSEG poll.",
        "Net order intake for trucks rose 4% from a year earlier, with orders in Europe up 15%.",
        '"Demand in Europe is recovering, while North America is softer as customers wait for clarity on trade policy," Chief Executive Karin Edholm said in a statement.',
        "The company kept its forecast for the European heavy-truck market at around 280,000 vehicles this year and its North American forecast at 275,000.",
    ],
    dateline="STOCKHOLM, April 24 (Reuters) - ",
    trailer=["(Reporting by Marie Lindgren; Editing by Terje Solheim)"],
)

lookalike(
    "lk-wt11-nextstrike",
    "a later strike by the same union, reuses 1 background paragraph",
    "reuters",
    "Finnair to cancel 120 flights as pilots plan new walkout",
    "2025-06-18T12:15:00+00:00",
    [
        "Finnair will cancel about 120 flights on Friday, affecting some 13,000 passengers, after the pilots' union announced a new eight-hour strike, the airline said on Wednesday.",
        "The walkout will hit mainly European and domestic routes between 5 a.m. and 1 p.m., Finnair said, adding that long-haul flights to Asia and North America would operate as planned.",
        orig("wt11", 1),
        "The national mediator said she had invited both sides to new talks next week.",
    ],
    dateline="HELSINKI, June 18 (Reuters) - ",
    trailer=["(Reporting by Anna Koskinen; Editing by Louise Rasmussen)"],
)

lookalike(
    "lk-wt12-searchend",
    "follow-up three days after wt12 (search called off), reuses 2 background paragraphs",
    "ap",
    "Indonesia ends search for ferry victims with 17 still missing",
    "2025-07-06T09:00:00+00:00",
    [
        "Indonesian rescuers on Sunday ended a four-day search for victims of a ferry that sank between the islands of Java and Bali, with 17 people still missing and the death toll at 12, officials said.",
        "Police said they had named the ferry's captain and an official of the operating company as suspects for allowing the vessel to sail with a damaged ramp and more vehicles than its permit allowed.",
        "Families of the missing gathered at the port of Ketapang for a prayer ceremony as the last search boats returned.",
        orig("wt12", 3),
        orig("wt12", 4),
    ],
    dateline="BANYUWANGI, Indonesia (AP) \u2014 ",
)

lookalike(
    "lk-wt16-sameday",
    "same city and evening as wt16, different police incident, same spokesman",
    "ap",
    "Nashville police investigate fatal crash on Interstate 24",
    "2025-10-18T23:50:00+00:00",
    [
        "Police in Nashville said a driver was killed Saturday evening when a pickup truck crossed the median on Interstate 24 and hit an oncoming car in the southern part of the city.",
        "Metro Nashville Police Department spokesman Brian Keller said two people in the car were taken to a hospital with injuries that were not life-threatening.",
        "The interstate was closed in both directions for about three hours, and nearby roads were jammed with traffic.",
    ],
    dateline="NASHVILLE, Tenn. (AP) \u2014 ",
)

lookalike(
    "lk-wt14-othervote",
    "same country and day as wt14, a different proposal on the same ballot",
    "ap",
    "Swiss voters back electronic ID in close vote",
    "2025-11-30T15:30:00+00:00",
    [
        "Swiss voters on Sunday narrowly approved a government plan to introduce a state-issued electronic identity card, according to projections, four years after rejecting a version that would have been run by private companies.",
        "About 51% of voters backed the law, projections by the gfs.bern polling institute showed. Opponents had warned about data protection and surveillance.",
        "The e-ID would be free and voluntary and could be used to open bank accounts or order official documents online, the government said.",
        orig("wt14", 3),
    ],
    dateline="GENEVA (AP) \u2014 ",
)


def check(rows: list[dict]) -> None:
    """Fail loudly on duplicate ids, a story without its original, or a look-alike sharing a story."""
    ids = Counter(r["id"] for r in rows)
    if any(n > 1 for n in ids.values()):
        sys.exit(f"duplicate ids: {[i for i, n in ids.items() if n > 1]}")
    by_story: dict[str, list[dict]] = {}
    for r in rows:
        by_story.setdefault(r["story"], []).append(r)
    for sid, copies in by_story.items():
        kinds = Counter(c["kind"] for c in copies)
        if kinds["lookalike"] and len(copies) != 1:
            sys.exit(f"{sid}: a look-alike must be a story of its own")
        if kinds["writethrough"] and kinds["original"] != 1:
            sys.exit(f"{sid}: write-throughs without exactly one original")


def main() -> None:
    check(ROWS)
    out = HERE / "dedup_writethrough.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    kinds = Counter(r["kind"] for r in ROWS)
    stories = {r["story"] for r in ROWS if r["kind"] != "lookalike"}
    print(
        f"{len(ROWS)} copies, {len(stories)} write-through stories, {kinds['lookalike']} look-alikes: {dict(kinds)} -> {out}"
    )


if __name__ == "__main__":
    main()
