"""Hard negatives: reports about a different event than the event named in `near`
(same place and day, the same recurring event on another day, a follow-up days
later, the same topic in another country). Header: `event | near | agency | source |
published_at | title`. Reports sharing an event label are one event between them."""

BLOCKS = r"""
ng01 | ev04 | PTI | pti | 2026-11-04T11:25:00+00:00 | Sensex falls 519 pts as IT stocks drag; Nifty slips below 25,600
Mumbai, Nov 4 (PTI) Benchmark Sensex declined 519.3 points to settle at 83,610.1 on Wednesday, dragged by losses in Infosys and TCS, while the Nifty fell 165 points to 25,598.

Foreign institutional investors sold equities worth Rs 1,067 crore on Tuesday, exchange data showed.
===
ng02 | ev04 | IANS | ians | 2026-11-05T11:40:00+00:00 | Sensex, Nifty end flat amid mixed global cues
Mumbai, Nov 5 (IANS) Indian equity indices ended almost flat on Thursday, with the Sensex closing 31 points higher at 83,641 and the Nifty at 25,605, as gains in auto stocks were offset by selling in metal shares.

"Markets consolidated after yesterday's fall," said Vinod Nair of Geojit Investments.
===
ng03 | ev04 | PTI | pti | 2026-11-02T11:15:00+00:00 | Sensex rises 210 pts in early-week trade, Nifty at 25,645
Mumbai, Nov 2 (PTI) Benchmark Sensex rose 210.4 points to settle at 83,716.8 on Monday, led by gains in HDFC Bank and Reliance Industries, while the Nifty climbed 57 points to 25,645.
===
ng04 | ev29 | PTI | pti | 2026-11-12T07:00:00+00:00 | Delhi's air quality 'very poor' with AQI of 362
New Delhi, Nov 12 (PTI) Delhi's air quality remained in the 'very poor' category on Wednesday morning, with the Air Quality Index at 362, according to CPCB data. Thick smog enveloped the city and visibility dropped at Palam airport.
===
ng05 | ev29 | IANS | ians | 2026-11-15T07:40:00+00:00 | Delhi AQI improves slightly but stays 'very poor'
New Delhi, Nov 15 (IANS) The air quality in the national capital improved marginally on Saturday, with the AQI at 338 in the 'very poor' category, as wind speed picked up, the CPCB said. Anand Vihar recorded the worst reading at 401.
===
ng06 | ev29 | PTI | pti | 2026-11-20T06:50:00+00:00 | GRAP Stage 3 curbs revoked as Delhi's air improves
New Delhi, Nov 20 (PTI) The Commission for Air Quality Management on Thursday revoked Stage 3 restrictions under the Graded Response Action Plan in Delhi-NCR after the AQI improved to 290. Schools up to Class 5 will return to physical classes from Friday.
===
ng07 | ev30 | PTI | pti | 2026-10-06T10:20:00+00:00 | Kerala Lottery Result: Win-Win W-842 first prize Rs 75 lakh
Thiruvananthapuram, Oct 6 (PTI) The first prize of Rs 75 lakh in the Kerala state lottery's Win-Win W-842 draw held on Monday went to ticket number WP 381920 sold in Palakkad, the Kerala Lotteries Department said.
===
ng08 | ev30 | IANS | ians | 2026-10-08T10:30:00+00:00 | Kerala Lottery: Sthree Sakthi SS-489 results announced
Thiruvananthapuram, Oct 8 (IANS) The Kerala Lotteries Department on Wednesday announced the results of the Sthree Sakthi SS-489 lottery, with the Rs 1 crore first prize won by ticket SR 227431 sold in Kozhikode.
===
ng09 | ev31 | Xinhua | xinhua | 2026-10-13T08:40:00+00:00 | Chinese FM spokesperson urges Philippines to stop provocations in South China Sea
BEIJING, Oct. 13 (Xinhua) -- Chinese Foreign Ministry spokesperson Lin Jian on Monday urged the Philippines to stop infringing and provoking at sea, after a collision near Tiexian Jiao, at a regular press briefing.
===
ng10 | ev31 | AFP | afp | 2026-10-09T09:30:00+00:00 | China says it opposes US 'hegemonic' tariffs, vows countermeasures
China on Thursday vowed to take "resolute countermeasures" if Washington pressed ahead with new tariffs on Chinese goods, foreign ministry spokesman Lin Jian told a regular press briefing in Beijing.
===
ng11 | ev06 | WAM | wam | 2026-10-21T10:30:00+00:00 | UAE President receives Jordanian King in Abu Dhabi
ABU DHABI, 21st October, 2026 (WAM) -- President His Highness Sheikh Mohamed bin Zayed Al Nahyan today received His Majesty King Abdullah II of Jordan, at Qasr Al Shati in Abu Dhabi.

The two leaders discussed fraternal relations between the UAE and Jordan and the latest regional developments, particularly the situation in Gaza.
===
ng12 | ev06 | WAM | wam | 2026-10-20T16:00:00+00:00 | UAE President receives phone call from Turkish President
ABU DHABI, 20th October, 2026 (WAM) -- President His Highness Sheikh Mohamed bin Zayed Al Nahyan received a phone call today from President Recep Tayyip Erdoğan of Türkiye, during which they discussed bilateral relations and regional developments.
===
ng13 | ev44 | Reuters | reuters | 2026-10-09T09:10:00+00:00 | Gold retreats from record as investors take profits
Oct 9 (Reuters) - Gold prices fell more than 1% on Thursday, retreating from a record high above $4,000 hit in the previous session, as investors booked profits and the dollar firmed. Spot gold was down 1.4% at $3,984 an ounce.
===
ng14 | ev44 | Anadolu | aa | 2026-10-13T11:50:00+00:00 | Gold hits new all-time high above $4,100
ISTANBUL (AA) - The price of gold climbed to a new record above $4,100 per ounce on Monday, trading at $4,108 at 1030GMT, as trade tensions between the US and China rattled markets.
===
ng15 | ev01 | AFP | afp | 2026-10-06T09:00:00+00:00 | Strong aftershock jolts Taiwan's Hualien days after deadly quake
A 5.8-magnitude aftershock struck off Taiwan's eastern coast on Tuesday, three days after a deadly earthquake in Hualien, the weather agency said. There were no immediate reports of damage, but schools in the county were closed.
===
ng16 | ev01 | Reuters | reuters | 2026-10-03T06:10:00+00:00 | Taiwan central bank chief says no need for rate change
TAIPEI, Oct 3 (Reuters) - Taiwan's central bank governor Yang Chin-long said on Saturday there was no need to adjust interest rates for now, as inflation stays below 2% and exports remain strong on AI demand.
===
ng17 | ev02 | PTI | pti | 2026-11-02T12:00:00+00:00 | Odisha cabinet approves Rs 3,000-crore scheme for women self-help groups
Bhubaneswar, Nov 2 (PTI) The Odisha cabinet chaired by Chief Minister Mohan Majhi on Monday approved 14 proposals, including a Rs 3,000-crore scheme to provide interest-free loans to women self-help groups.
===
ng18 | ev03 | Reuters | reuters | 2026-11-18T19:10:00+00:00 | Fed minutes show deep divisions over December rate cut
WASHINGTON, Nov 18 (Reuters) - Federal Reserve officials were deeply divided at their October meeting over whether to cut rates again in December, minutes of the meeting released on Wednesday showed, with "many" saying it would likely be appropriate to hold.
===
ng19 | ev03 | AFP | afp | 2026-10-30T13:30:00+00:00 | ECB holds rates steady for third straight meeting
The European Central Bank kept interest rates unchanged on Thursday for a third consecutive meeting, with its deposit rate at 2.0 percent, as inflation hovers near its target, the central bank said in Florence.
===
ng20 | ev05 | Anadolu | aa | 2026-09-22T04:10:00+00:00 | 4.6 magnitude quake strikes Malatya province
ANKARA (AA) - A magnitude 4.6 earthquake struck Türkiye's eastern Malatya province early Monday, the country's disaster agency AFAD said. The quake occurred at 6.51 am local time at a depth of 9 km in the Yesilyurt district.
===
ng21 | ev14 | Xinhua | xinhua | 2026-10-12T11:00:00+00:00 | 9 killed as bus falls off highway in Nepal
KATHMANDU, Oct. 12 (Xinhua) -- At least nine people were killed and 24 others injured when a passenger bus veered off the highway and fell into the Trishuli river in central Nepal's Dhading district on Sunday, police said.
===
ng22 | ev14 | Reuters | reuters | 2026-10-17T08:30:00+00:00 | Bus crash in northern Pakistan kills 11 tourists
ISLAMABAD, Oct 17 (Reuters) - At least 11 people were killed when a bus carrying tourists plunged into a ravine on the Karakoram Highway in Pakistan's Gilgit-Baltistan region on Friday, police said.
===
ng23 | ev09 | Reuters | reuters | 2026-07-07T12:30:00+00:00 | Kenya central bank cuts rate to 9.75% to support growth
NAIROBI, July 7 (Reuters) - Kenya's central bank cut its benchmark lending rate by 25 basis points to 9.75% on Monday, its sixth straight reduction, saying inflation was expected to remain within its target range.
===
ng24 | ev07 | AFP | afp | 2026-09-25T09:30:00+00:00 | Bangladesh arrests cargo ship master after deadly ferry sinking
Bangladesh police on Friday arrested the master of a cargo vessel that rammed a crowded ferry on the Meghna river earlier this week, killing 21 people, police said. The captain of the ferry is still on the run.
===
ng25 | ev21 | AP | apnews | 2026-11-06T08:00:00+00:00 | Typhoon Kalmaegi slams into Vietnam after deadly rampage in Philippines
HANOI, Vietnam (AP) — Typhoon Kalmaegi made landfall in central Vietnam on Thursday, toppling trees and cutting power to hundreds of thousands of homes in Gia Lai and Dak Lak provinces, two days after it killed more than 180 people in the Philippines.
===
ng25 | ev21 | Xinhua | xinhua | 2026-11-06T10:00:00+00:00 | Typhoon Kalmaegi makes landfall in central Vietnam
HANOI, Nov. 6 (Xinhua) -- Typhoon Kalmaegi, the 13th storm to hit Vietnam this year, made landfall in the central provinces of Gia Lai and Dak Lak on Thursday, leaving at least three dead, according to the national disaster agency.
===
ng26 | ev36 | AFP | afp | 2026-10-29T10:00:00+00:00 | Floods in southern Italy force evacuations in Calabria
Heavy rain caused flooding in Italy's southern Calabria region on Wednesday, forcing the evacuation of hundreds of residents and closing schools, the civil protection agency said. No casualties were reported.
===
ng27 | ev36 | Reuters | reuters | 2026-11-03T12:00:00+00:00 | Spanish king booed as he visits flood-hit Valencia towns
MADRID, Nov 3 (Reuters) - Angry residents hurled mud and insults at King Felipe and Prime Minister Pedro Sanchez as they visited the flood-ravaged town of Paiporta near Valencia on Monday, days after floods killed at least 20 people.
===
ng27 | ev36 | dpa | dpa | 2026-11-03T13:30:00+00:00 | Wut in Paiporta: König Felipe mit Schlamm beworfen
Valencia (dpa) - During a visit to the flood area near Valencia, King Felipe VI and Prime Minister Pedro Sánchez were pelted with mud by angry residents in Paiporta. The royal couple stayed for about an hour.
===
ng28 | ev20 | Reuters | reuters | 2026-11-20T14:00:00+00:00 | Iceland's latest volcanic eruption has ended, Met Office says
REYKJAVIK, Nov 20 (Reuters) - The volcanic eruption that began two weeks ago on Iceland's Reykjanes peninsula has ended, the Icelandic Met Office said on Thursday, allowing some residents of Grindavik to return home.
===
ng29 | ev43 | PTI | pti | 2026-11-14T09:00:00+00:00 | Under-construction bridge collapses in Bihar's Bhagalpur
Patna, Nov 14 (PTI) A portion of an under-construction bridge over the Ganga river in Bihar's Bhagalpur district collapsed on Friday, officials said. No casualties were reported. The state government has ordered an inquiry.
===
ng30 | ev23 | WAM | wam | 2026-11-17T11:00:00+00:00 | Dubai RTA opens Blue Line metro station early
DUBAI, 17th November, 2026 (WAM) -- The Roads and Transport Authority (RTA) in Dubai today opened the first station of the Dubai Metro Blue Line at Mirdif, ahead of schedule.
===
ng31 | ev28 | AFP | afp | 2026-10-16T09:00:00+00:00 | Louvre partially reopens after jewel heist
The Louvre museum in Paris partially reopened to the public on Thursday, three days after thieves made off with crown jewels worth an estimated 88 million euros, the museum said.
===
ng32 | ev32 | AFP | afp | 2026-11-01T12:00:00+00:00 | UN says hundreds killed in El-Fasher since RSF takeover
The United Nations said on Saturday that hundreds of civilians had been killed in Sudan's El-Fasher since the paramilitary Rapid Support Forces seized the city, including at least 460 people at the Saudi maternity hospital.
===
ng33 | ev34 | Reuters | reuters | 2026-10-24T06:00:00+00:00 | Ukrainian drones strike Novokuibyshevsk refinery in Samara region
Oct 24 (Reuters) - Ukrainian drones attacked the Novokuibyshevsk oil refinery in Russia's Samara region overnight, causing a fire, the regional governor said on Friday. No one was injured.
===
ng34 | ev40 | AP | apnews | 2026-09-27T21:00:00+00:00 | Radio journalist killed in Mexico's Guerrero state
MEXICO CITY (AP) — A radio journalist was killed in the southern Mexican state of Guerrero on Saturday, prosecutors said, the seventh media worker slain in Mexico this year.
===
ng35 | ev39 | AFP | afp | 2026-11-03T15:00:00+00:00 | Avalanche kills three climbers in Pakistan's Gilgit-Baltistan
An avalanche killed three climbers on a peak in Pakistan's Gilgit-Baltistan region on Monday, local officials said, in the second deadly accident in the Karakoram this season.
===
ng36 | ev42 | dpa | dpa | 2026-10-01T08:00:00+00:00 | BMW bestätigt Prognose – BMW confirms outlook
Munich (dpa) - Carmaker BMW has confirmed its forecast for 2026 despite US tariffs, the company said in Munich on Wednesday. Deliveries in the third quarter rose 8.8 percent.
===
ng37 | ev18 | Xinhua | xinhua | 2026-11-10T10:00:00+00:00 | Egypt's annual urban inflation slows to 12.5% in October
CAIRO, Nov. 10 (Xinhua) -- Egypt's annual urban consumer price inflation slowed to 12.5 percent in October from 11.7 percent in September, the state statistics agency CAPMAS said Tuesday.
===
ng38 | ev10 | Xinhua | xinhua | 2026-11-14T14:00:00+00:00 | China launches Tianzhou-10 cargo craft to space station
WENCHANG, Nov. 14 (Xinhua) -- China launched the Tianzhou-10 cargo spacecraft on Friday from the Wenchang Spacecraft Launch Site to deliver supplies to its space station, the China Manned Space Agency said.
===
ng39 | ev26 | PTI | pti | 2026-10-08T09:00:00+00:00 | RBI Governor Malhotra says inflation outlook benign, room for policy support
Mumbai, Oct 8 (PTI) Reserve Bank Governor Sanjay Malhotra on Wednesday said the inflation outlook remained benign, giving the central bank room to support growth, while speaking at the Global Fintech Fest.
===
ng40 | ev15 | AP | apnews | 2026-10-10T09:10:00+00:00 | Venezuelan opposition leader Machado wins Nobel Peace Prize
OSLO, Norway (AP) — Venezuelan opposition leader María Corina Machado won the Nobel Peace Prize on Friday for her struggle to achieve a just transition from dictatorship to democracy, the Norwegian Nobel Committee said.
===
ng41 | ev19 | Reuters | reuters | 2026-10-02T18:00:00+00:00 | Ford recalls 1.4 million vehicles over rearview camera fault
Oct 2 (Reuters) - Ford Motor is recalling more than 1.4 million vehicles in the United States because of a rearview camera issue, the National Highway Traffic Safety Administration said on Thursday.
===
ng42 | ev37 | AFP | afp | 2026-09-09T14:00:00+00:00 | Huawei launches tri-fold phone in challenge to Apple
Chinese tech giant Huawei on Tuesday unveiled a new version of its tri-fold smartphone in Shenzhen, hours before Apple's annual launch event, as it seeks to regain market share at home.
===
ng43 | ev13 | IANS | ians | 2026-09-09T12:00:00+00:00 | Andhra Pradesh cabinet clears Rs 40,000 crore investment proposals
Amaravati, Sep 9 (IANS) The Andhra Pradesh cabinet chaired by Chief Minister N Chandrababu Naidu on Wednesday approved investment proposals worth Rs 40,000 crore, Information Minister K Parthasarathy said.
"""
