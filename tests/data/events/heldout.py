"""Held-out events and hard negatives, written after the method's parameters were
frozen (the test half had been looked at while choosing them) and never tuned on.
Same block format as negatives.py; `near` is `-` for a report of an event."""

BLOCKS = r"""
hx01 | - | Reuters | reuters | 2026-12-01T04:00:00+00:00 | Magnitude 6.7 quake strikes off northern Japan, tsunami advisory issued
TOKYO, Dec 1 (Reuters) - An earthquake of magnitude 6.7 struck off Japan's northern Aomori prefecture early on Tuesday, the Japan Meteorological Agency said, prompting a tsunami advisory for waves of up to one metre along the Pacific coast.

Tohoku Electric Power said there were no abnormalities at its Higashidori nuclear plant.
===
hx01 | - | AP | apnews | 2026-12-01T04:30:00+00:00 | Strong earthquake rattles northern Japan; small tsunami possible
TOKYO (AP) — A strong earthquake shook northern Japan on Tuesday morning, and authorities warned that tsunami waves of up to 1 meter (3 feet) could reach the coast of Aomori and Iwate. The U.S. Geological Survey measured it at 6.6.

"Please stay away from the coast," a Japan Meteorological Agency official said on NHK.
===
hx01 | - | Xinhua | xinhua | 2026-12-01T06:00:00+00:00 | 6.7-magnitude quake hits off Japan's Aomori
TOKYO, Dec. 1 (Xinhua) -- A 6.7-magnitude earthquake jolted waters off Aomori prefecture in northeastern Japan on Tuesday, with a tsunami advisory issued, the country's weather agency said. No injuries were immediately reported.
===
hx02 | - | PTI | pti | 2026-11-24T09:30:00+00:00 | Justice Surya Kant sworn in as 53rd Chief Justice of India
New Delhi, Nov 24 (PTI) Justice Surya Kant was on Monday sworn in as the 53rd Chief Justice of India by President Droupadi Murmu at a ceremony at Rashtrapati Bhavan. He will have a tenure of about 15 months.
===
hx02 | - | IANS | ians | 2026-11-24T10:10:00+00:00 | CJI Surya Kant takes oath, PM Modi attends ceremony
New Delhi, Nov 24 (IANS) Surya Kant took oath as the Chief Justice of India on Monday, succeeding Justice B.R. Gavai. Prime Minister Narendra Modi and Vice President C.P. Radhakrishnan were among those present.
===
hx02 | - | Reuters | reuters | 2026-11-24T11:00:00+00:00 | India swears in new chief justice
NEW DELHI, Nov 24 (Reuters) - Surya Kant was sworn in as chief justice of India's Supreme Court on Monday, taking charge of a court with a backlog of more than 90,000 cases.
===
hx03 | - | AFP | afp | 2026-11-19T15:00:00+00:00 | Fire breaks out at COP30 climate venue in Brazil, thousands evacuated
A fire broke out Thursday at the venue of the COP30 climate talks in the Brazilian city of Belem, forcing the evacuation of thousands of delegates, organisers said. Thirteen people were treated for smoke inhalation.
===
hx03 | - | Reuters | reuters | 2026-11-19T15:40:00+00:00 | Fire forces evacuation of UN climate summit in Belem
BELEM, Brazil, Nov 19 (Reuters) - A fire in a pavilion at the COP30 summit venue forced the evacuation of negotiators on Thursday, a day before the talks were due to end. Firefighters put out the blaze within six minutes, Brazil's tourism minister said.
===
hx03 | - | dpa | dpa | 2026-11-19T16:30:00+00:00 | Feuer bei Weltklimakonferenz in Belém
Belém (dpa) - A fire broke out on the site of the UN climate conference in the Brazilian city of Belém. The area was evacuated; several people were treated for smoke inhalation, the organisers said. The negotiations were interrupted.
===
hx03 | - | Anadolu | aa | 2026-11-19T17:15:00+00:00 | Fire breaks out at COP30 venue in Brazil
ISTANBUL (AA) - A fire broke out at the venue of the UN Climate Change Conference COP30 in Belem, Brazil on Thursday, forcing the evacuation of participants, according to local media.
===
hx04 | - | WAM | wam | 2026-11-25T09:00:00+00:00 | UAE announces 2027 federal budget of AED 92.4 billion
ABU DHABI, 25th November, 2026 (WAM) -- The UAE Cabinet, chaired by His Highness Sheikh Mohammed bin Rashid Al Maktoum, approved the federal budget for 2027 with total expenditure of AED 92.4 billion, the largest in the country's history.
===
hx04 | - | Reuters | reuters | 2026-11-25T10:30:00+00:00 | UAE approves record 92.4 billion dirham federal budget for 2027
DUBAI, Nov 25 (Reuters) - The United Arab Emirates approved a federal budget of 92.4 billion dirhams ($25.2 billion) for 2027, its biggest ever, with 39% allocated to social development and pensions, state news agency WAM reported on Tuesday.
===
hx05 | - | AP | apnews | 2026-11-22T20:00:00+00:00 | Gunmen abduct more than 200 students from Catholic school in Nigeria
ABUJA, Nigeria (AP) — Gunmen stormed a Catholic boarding school in north-central Nigeria's Niger state and abducted 215 students and 12 teachers, the Christian Association of Nigeria said Saturday.
===
hx05 | - | AFP | afp | 2026-11-22T21:10:00+00:00 | Over 300 kidnapped in Nigeria school attack, Christian group says
More than 300 pupils and staff were kidnapped from a Catholic school in Nigeria's Niger state, the Christian Association of Nigeria said Saturday, one of the largest mass abductions in years. Police had earlier given a lower figure.
===
hx05 | - | Anadolu | aa | 2026-11-23T07:00:00+00:00 | Gunmen kidnap hundreds from Catholic school in central Nigeria
ABUJA (AA) - Armed men abducted more than 200 students and teachers from St. Mary's Catholic School in Papiri, Niger state, the school's owners said, as President Bola Tinubu postponed a foreign trip.
===
hx06 | - | dpa | dpa | 2026-11-26T12:00:00+00:00 | Mindestens 44 Tote bei Hochhausbrand in Hongkong
Hong Kong (dpa) - At least 44 people have been killed in a fire at a high-rise residential complex in Hong Kong. Around 280 residents were still missing, the fire brigade said. The flames spread across bamboo scaffolding to several towers of Wang Fuk Court in Tai Po.
===
hx06 | - | Reuters | reuters | 2026-11-26T13:00:00+00:00 | Hong Kong's deadliest fire in decades kills 44, hundreds missing
HONG KONG, Nov 26 (Reuters) - A fire that swept through a housing estate in Hong Kong's Tai Po district killed at least 44 people, with 279 unaccounted for, officials said, the city's deadliest blaze since 1948.
===
hx06 | - | Xinhua | xinhua | 2026-11-26T14:30:00+00:00 | Hong Kong residential fire death toll rises to 44
HONG KONG, Nov. 26 (Xinhua) -- The death toll from a fire at Wang Fuk Court in Tai Po district has risen to 44, the Hong Kong Special Administrative Region government said. President Xi Jinping urged all-out efforts to rescue people.
===
hx07 | - | IANS | ians | 2026-11-20T11:00:00+00:00 | Nitish Kumar sworn in as Bihar CM for record 10th time
Patna, Nov 20 (IANS) JD(U) chief Nitish Kumar on Thursday took oath as Bihar Chief Minister for a record tenth time at a ceremony at Gandhi Maidan attended by Prime Minister Narendra Modi.
===
hx07 | - | PTI | pti | 2026-11-20T11:20:00+00:00 | Nitish takes oath as Bihar CM for 10th time; Samrat Choudhary, Vijay Sinha deputies
Patna, Nov 20 (PTI) Nitish Kumar was sworn in as the chief minister of Bihar for the tenth time on Thursday, with BJP leaders Samrat Choudhary and Vijay Kumar Sinha taking oath as his deputies. Governor Arif Mohammed Khan administered the oath.
===
hx08 | - | AFP | afp | 2026-11-28T10:00:00+00:00 | Sri Lanka floods and landslides kill 56 as cyclone Ditwah hits
Floods and landslides triggered by Cyclone Ditwah killed at least 56 people in Sri Lanka, officials said Friday, with another 21 missing as torrential rain lashed the island.
===
hx08 | - | Reuters | reuters | 2026-11-28T11:00:00+00:00 | Cyclone Ditwah kills over 50 in Sri Lanka
COLOMBO, Nov 28 (Reuters) - At least 56 people were killed in floods and landslides in Sri Lanka as Cyclone Ditwah brought heavy rain, the Disaster Management Centre said on Friday. Schools were closed and exams postponed.
===
hx08 | - | IANS | ians | 2026-11-28T12:30:00+00:00 | Cyclone Ditwah: Death toll in Sri Lanka climbs to 69
Colombo, Nov 28 (IANS) The death toll from floods and landslides caused by Cyclone Ditwah in Sri Lanka rose to 69 on Friday, the DMC said, with Badulla and Nuwara Eliya districts worst hit.
===
hn01 | hx01 | Reuters | reuters | 2026-12-01T05:00:00+00:00 | Japan's capital spending rises 2.9% in July-September
TOKYO, Dec 1 (Reuters) - Japanese companies' capital expenditure rose 2.9% in the July-September quarter from a year earlier, Ministry of Finance data showed on Tuesday, a sign of resilient corporate investment.
===
hn02 | hx01 | AP | apnews | 2026-12-04T03:00:00+00:00 | Aftershock of magnitude 5.9 shakes northern Japan
TOKYO (AP) — A magnitude 5.9 aftershock shook northern Japan on Friday, three days after a strong quake off Aomori. No tsunami warning was issued.
===
hn03 | hx02 | PTI | pti | 2026-11-24T12:00:00+00:00 | Supreme Court seeks Centre's response on plea over stray dogs
New Delhi, Nov 24 (PTI) The Supreme Court on Monday sought the Centre's response on a plea challenging its earlier order on the relocation of stray dogs in Delhi-NCR.
===
hn04 | hx03 | Reuters | reuters | 2026-11-22T18:00:00+00:00 | COP30 ends with deal on climate finance, no fossil fuel roadmap
BELEM, Brazil, Nov 22 (Reuters) - The COP30 climate summit ended on Saturday with a deal to triple adaptation finance but without a roadmap to move away from fossil fuels, after talks ran into overtime.
===
hn05 | hx04 | WAM | wam | 2026-11-26T09:00:00+00:00 | UAE Cabinet approves national strategy for artificial intelligence in education
ABU DHABI, 26th November, 2026 (WAM) -- The UAE Cabinet, chaired by His Highness Sheikh Mohammed bin Rashid Al Maktoum, approved the national strategy for artificial intelligence in education and adopted a number of federal decrees.
===
hn06 | hx05 | Reuters | reuters | 2026-11-17T09:00:00+00:00 | Gunmen kidnap 25 schoolgirls in northwest Nigeria
KANO, Nigeria, Nov 17 (Reuters) - Gunmen abducted 25 schoolgirls from a boarding school in Kebbi state in northwest Nigeria, police said on Monday.
===
hn07 | hx06 | Reuters | reuters | 2026-11-26T08:00:00+00:00 | Hong Kong stocks edge up as tech shares gain
HONG KONG, Nov 26 (Reuters) - Hong Kong shares rose on Wednesday, led by technology stocks, with the Hang Seng index up 0.1% at 25,928 points at the close.
===
hn08 | hx06 | Xinhua | xinhua | 2026-11-30T08:00:00+00:00 | Hong Kong holds memorial for Tai Po fire victims
HONG KONG, Nov. 30 (Xinhua) -- Hong Kong began three days of mourning on Sunday for the victims of the Wang Fuk Court fire in Tai Po, with flags at half-mast and a moment of silence.
===
hn09 | hx07 | PTI | pti | 2026-11-21T11:00:00+00:00 | Bihar portfolios allocated; Samrat Choudhary gets home
Patna, Nov 21 (PTI) Bihar Chief Minister Nitish Kumar on Friday allocated portfolios, giving the home department to Deputy Chief Minister Samrat Choudhary, a first for the BJP in the state.
===
hn10 | hx08 | AFP | afp | 2026-11-28T09:00:00+00:00 | Floods in southern Thailand kill 33 in Hat Yai
Floods in southern Thailand have killed at least 33 people, most of them in the city of Hat Yai, officials said Friday, as soldiers used boats to rescue stranded residents.
===
hn11 | hx08 | IANS | ians | 2026-11-29T06:00:00+00:00 | Cyclone Ditwah: Red alert in Tamil Nadu coastal districts
Chennai, Nov 29 (IANS) The India Meteorological Department on Saturday issued a red alert for several coastal districts of Tamil Nadu as Cyclone Ditwah moved towards the coast after battering Sri Lanka.
===
hn12 | hx02 | IANS | ians | 2026-11-23T09:00:00+00:00 | Outgoing CJI Gavai: Never relied on anyone's favour
New Delhi, Nov 23 (IANS) Outgoing Chief Justice of India B.R. Gavai on Sunday said he had never relied on anyone's favour during his career, at a farewell function organised by the Supreme Court Bar Association.
"""
