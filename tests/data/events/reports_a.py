"""Events 01-22 of the labelled event set (see README.md). Each block: a header
line `event | agency | source | published_at | title`, then the text; blocks are
separated by a line of `===`."""

BLOCKS = r"""
ev01 | AP | apnews | 2026-10-03T02:40:00+00:00 | Strong earthquake shakes eastern Taiwan, killing at least 3
HUALIEN, Taiwan (AP) — A strong earthquake struck off Taiwan's eastern coast early Saturday, collapsing part of a hotel in Hualien and killing at least three people, officials said.

The U.S. Geological Survey put the magnitude at 6.3. Rescuers pulled 11 people from the damaged building, and rockslides blocked a coastal highway north of the city.

"The shaking was long and very violent," said shop owner Lin Mei-hua, who ran into the street with her two children.
===
ev01 | Reuters | reuters | 2026-10-03T03:05:00+00:00 | Magnitude 6.4 quake hits Taiwan's Hualien, three dead
TAIPEI, Oct 3 (Reuters) - An earthquake of magnitude 6.4 hit Taiwan's eastern county of Hualien on Saturday, the island's Central Weather Administration said, killing three people and injuring dozens.

Taiwan Semiconductor Manufacturing Co said it was evacuating some staff from fabs as a precaution. The fire department said 57 people were hurt, most of them by falling objects.
===
ev01 | AFP | afp | 2026-10-03T04:20:00+00:00 | Taiwan quake leaves three dead, dozens injured
Three people were killed and more than 50 injured when a powerful earthquake rocked eastern Taiwan on Saturday morning, authorities said, as aftershocks rattled Taipei more than 150 kilometres away.

The quake, measured at 6.4 by Taiwan's weather agency, struck at 9:58 am (0158 GMT) at a depth of about 15 kilometres. Television footage showed a tilted building in Hualien city.

"We are doing everything to find anyone who may still be trapped," President Lai Ching-te wrote on Facebook.
===
ev01 | Xinhua | xinhua | 2026-10-03T05:10:00+00:00 | 6.4-magnitude quake jolts Taiwan's Hualien
BEIJING, Oct. 3 (Xinhua) -- A 6.4-magnitude earthquake jolted the waters off Hualien County in Taiwan at 9:58 a.m. Saturday (Beijing Time), according to the China Earthquake Networks Center.

The epicenter was monitored at 24.0 degrees north latitude and 121.7 degrees east longitude, with a depth of 15 km. Three deaths were reported on the island.
===
ev02 | PTI | pti | 2026-11-02T16:30:00+00:00 | 7 coaches of Puri-bound express derail in Odisha, 4 dead
Bhubaneswar, Nov 2 (PTI) Seven coaches of the Howrah-Puri Express derailed near Jajpur Road station in Odisha on Monday afternoon, killing four passengers and injuring 32, officials said.

East Coast Railway said relief trains and medical teams were rushed to the spot. Chief Minister Mohan Majhi announced an ex gratia of Rs 4 lakh to the next of kin of each deceased.
===
ev02 | IANS | ians | 2026-11-02T17:10:00+00:00 | Odisha train derailment: Death toll rises to four, Railways orders probe
Jajpur (Odisha), Nov 2 (IANS) At least four people died and over 30 were hurt after several coaches of a Puri-bound train went off the tracks in Odisha's Jajpur district on Monday.

Railway Minister Ashwini Vaishnaw has ordered a high-level inquiry into the accident. "Restoration work is underway on a war footing," an ECoR spokesperson said, adding that eight trains had been diverted.
===
ev02 | Reuters | reuters | 2026-11-02T18:45:00+00:00 | Passenger train derails in eastern India, killing four
NEW DELHI, Nov 2 (Reuters) - A passenger train derailed in the eastern Indian state of Odisha on Monday, killing four people and injuring about 30, a railway official said, the latest in a string of rail accidents in the country.

India's state-run rail network, one of the world's largest, carries some 13 million passengers a day. A 2023 collision in Odisha's Balasore district killed nearly 300 people.
===
ev03 | Reuters | reuters | 2026-10-28T18:05:00+00:00 | Fed cuts rates by a quarter point, signals caution on further easing
WASHINGTON, Oct 28 (Reuters) - The Federal Reserve cut its benchmark interest rate by 25 basis points on Wednesday to a range of 3.50%-3.75%, but Chair Jerome Powell said a further reduction in December was "not a foregone conclusion."

Two policymakers dissented. Treasury yields rose after Powell's remarks and stocks gave up earlier gains.
===
ev03 | AP | apnews | 2026-10-28T18:30:00+00:00 | Federal Reserve lowers key rate again amid cooling job market
WASHINGTON (AP) — The Federal Reserve reduced its key interest rate by a quarter-point Wednesday for the second time this fall, a move that could lower borrowing costs for mortgages, auto loans and credit cards.

Fed officials pointed to a slowing job market. "Downside risks to employment have risen," the central bank said in a statement after its two-day meeting.
===
ev03 | AFP | afp | 2026-10-28T19:00:00+00:00 | US Fed trims rates, Powell cools December cut hopes
The US Federal Reserve on Wednesday cut interest rates by a quarter percentage point, but chairman Jerome Powell warned markets not to count on another move before the year is out.

The decision, backed by 10 of the 12 voting members of the Federal Open Market Committee, brings the federal funds rate to between 3.5 and 3.75 percent.
===
ev03 | dpa | dpa | 2026-10-28T19:40:00+00:00 | US-Notenbank senkt Leitzins – Fed cuts rate again
Washington (dpa) - The US Federal Reserve has lowered its key rate by 0.25 percentage points to a corridor of 3.50 to 3.75 percent. Fed chief Powell said after the meeting in Washington that the central bank would decide meeting by meeting.
===
ev04 | PTI | pti | 2026-11-03T11:20:00+00:00 | Sensex climbs 412 pts, Nifty ends above 25,700 on banking gains
Mumbai, Nov 3 (PTI) Benchmark Sensex rose 412.6 points to settle at 84,129.4 on Tuesday, led by gains in HDFC Bank and ICICI Bank, while the Nifty climbed 118 points to 25,763.

Foreign institutional investors bought equities worth Rs 2,104 crore on Monday, exchange data showed.
===
ev04 | IANS | ians | 2026-11-03T11:45:00+00:00 | Sensex, Nifty close higher as bank stocks rally
Mumbai, Nov 3 (IANS) Indian equity indices ended with gains on Tuesday, with the Sensex up over 400 points at 84,129 and the Nifty closing at 25,763, as banking heavyweights rallied.

"Markets were supported by strong FII inflows and hopes of a US trade deal," said Vinod Nair of Geojit Investments. HDFC Bank was the top gainer, rising 2.1 per cent.
===
ev05 | Anadolu | aa | 2026-09-14T21:30:00+00:00 | 5.2 magnitude earthquake strikes Malatya in eastern Türkiye
ANKARA (AA) - A magnitude 5.2 earthquake jolted Türkiye's eastern Malatya province on Sunday evening, according to the country's disaster agency AFAD.

The quake struck at 11.47 pm local time (2047GMT) at a depth of 7 kilometers in the Puturge district. No casualties have been reported so far, Interior Minister Ali Yerlikaya said on X.
===
ev05 | AFP | afp | 2026-09-14T22:15:00+00:00 | Quake rattles eastern Turkey, no immediate reports of victims
A 5.2-magnitude earthquake shook eastern Turkey late Sunday, sending frightened residents into the streets of Malatya, a city devastated by the deadly 2023 quake, officials said.

Turkey's AFAD disaster agency said the epicentre was in Puturge. Some old buildings were damaged, local media reported.
===
ev05 | Xinhua | xinhua | 2026-09-14T23:50:00+00:00 | 5.2-magnitude quake hits eastern Türkiye
ANKARA, Sept. 14 (Xinhua) -- An earthquake measuring 5.2 on the Richter scale hit Malatya province in eastern Türkiye on Sunday, the Disaster and Emergency Management Presidency (AFAD) said. There were no immediate reports of casualties.
===
ev06 | WAM | wam | 2026-10-20T10:15:00+00:00 | UAE President receives Egyptian President in Abu Dhabi
ABU DHABI, 20th October, 2026 (WAM) -- President His Highness Sheikh Mohamed bin Zayed Al Nahyan today received President Abdel Fattah El-Sisi of Egypt, who is on a fraternal visit to the UAE, at Qasr Al Shati in Abu Dhabi.

The two leaders discussed the deep-rooted fraternal relations between the UAE and Egypt and ways to develop cooperation in economic, investment and development fields, as well as the latest developments in Gaza and Sudan.
===
ev06 | Xinhua | xinhua | 2026-10-20T13:00:00+00:00 | UAE, Egyptian presidents discuss Gaza, bilateral ties
ABU DHABI, Oct. 20 (Xinhua) -- UAE President Mohamed bin Zayed Al Nahyan and visiting Egyptian President Abdel-Fattah al-Sisi on Monday discussed regional developments, including the situation in the Gaza Strip, the official WAM news agency reported.
===
ev06 | Anadolu | aa | 2026-10-20T14:20:00+00:00 | Egypt's Sisi, UAE's bin Zayed hold talks in Abu Dhabi
CAIRO (AA) - Egyptian President Abdel Fattah al-Sisi held talks with his Emirati counterpart Mohamed bin Zayed in Abu Dhabi on Monday, according to the Egyptian presidency.

Presidential spokesman Mohamed El-Shenawy said the talks focused on the Gaza truce and efforts to bring humanitarian aid into the enclave, as well as Emirati investments in Egypt, including the Ras El-Hekma project.
===
ev07 | AFP | afp | 2026-09-21T09:00:00+00:00 | Dozens missing as ferry capsizes in Bangladesh river
At least 12 people drowned and dozens more were missing after an overcrowded ferry capsized in a river in central Bangladesh on Monday, police said.

The vessel, carrying more than 100 passengers, sank in the Meghna river near Munshiganj after colliding with a sand-laden cargo boat, local police chief Mizanur Rahman told AFP.
===
ev07 | Reuters | reuters | 2026-09-21T10:30:00+00:00 | Bangladesh ferry accident kills at least 12, many missing
DHAKA, Sept 21 (Reuters) - At least 12 people were killed when a ferry collided with a cargo vessel and sank on the Meghna river south of Dhaka on Monday, officials said, with about 30 passengers still unaccounted for.

Divers from the fire service and navy were searching the river. Ferry accidents are common in Bangladesh, where safety standards are lax and boats are often overloaded.
===
ev07 | IANS | ians | 2026-09-21T11:10:00+00:00 | 12 dead as launch capsizes in Bangladesh's Munshiganj
Dhaka, Sep 21 (IANS) At least 12 passengers died after a launch capsized in the Meghna river in Bangladesh's Munshiganj district on Monday morning, local media reported.
===
ev07 | Xinhua | xinhua | 2026-09-21T12:40:00+00:00 | Bangladesh ferry capsize death toll rises to 15
DHAKA, Sept. 21 (Xinhua) -- The death toll from a ferry capsize in Bangladesh's Munshiganj district has risen to 15, with about 25 others still missing, a local official told Xinhua on Monday.

The ferry, carrying around 110 passengers, sank after it was hit by a bulk carrier in the Meghna river at around 7:30 a.m. local time.
===
ev08 | dpa | dpa | 2026-11-27T13:10:00+00:00 | Bundestag beschließt Haushalt 2027 – budget passed
Berlin (dpa) - The Bundestag has passed the federal budget for 2027 after four days of debate. The plan by Finance Minister Lars Klingbeil provides for spending of 524.5 billion euros and new borrowing of almost 98 billion euros. 

The opposition Greens and the AfD voted against it.
===
ev08 | Reuters | reuters | 2026-11-27T13:45:00+00:00 | German parliament approves 2027 budget with record investment
BERLIN, Nov 27 (Reuters) - Germany's lower house of parliament on Friday approved a 2027 budget that includes record investment in infrastructure and defence, financed in part by borrowing under a special fund that sidesteps the country's debt brake.

Lawmakers backed the budget by 327 votes to 259. Finance Minister Lars Klingbeil called it "a budget of investment, not of austerity."
===
ev08 | AFP | afp | 2026-11-27T15:00:00+00:00 | German MPs approve budget as Merz coalition faces pressure
German lawmakers on Friday approved Chancellor Friedrich Merz's coalition budget for next year, including spending of around 525 billion euros, after weeks of squabbling between conservatives and Social Democrats over pensions.
===
ev09 | AP | apnews | 2026-07-07T12:00:00+00:00 | Kenyan police fire tear gas at protesters in Nairobi on anniversary of 1990 rally
NAIROBI, Kenya (AP) — Police in Kenya's capital fired tear gas and blocked roads into the city center Monday as protesters marked Saba Saba, the anniversary of a 1990 pro-democracy uprising, and demanded the resignation of President William Ruto.

A human rights group said at least two people were shot dead in the outskirts of Nairobi.
===
ev09 | Reuters | reuters | 2026-07-07T13:20:00+00:00 | Kenya police teargas Saba Saba protesters, two killed
NAIROBI, July 7 (Reuters) - Kenyan police fired teargas and water cannon at demonstrators in Nairobi on Monday, and two people were killed in clashes in Kitengela, the Kenya National Commission on Human Rights said.

Roadblocks sealed off the central business district, where most shops stayed shut.
===
ev09 | Anadolu | aa | 2026-07-07T15:05:00+00:00 | 2 killed as anti-government protests sweep Kenya
NAIROBI, Kenya (AA) - At least two people were killed and dozens injured on Monday as police clashed with anti-government protesters across Kenya, including the capital Nairobi, rights groups said.

Protesters chanted "Ruto must go" as police lobbed tear gas canisters in downtown streets.
===
ev10 | Xinhua | xinhua | 2026-10-30T15:50:00+00:00 | China launches Shenzhou-22 crewed spaceship
JIUQUAN, Oct. 30 (Xinhua) -- China launched the Shenzhou-22 crewed spaceship on Thursday, sending three astronauts to its space station for a six-month mission.

The spaceship, atop a Long March-2F carrier rocket, blasted off at 11:44 p.m. (Beijing Time) from the Jiuquan Satellite Launch Center in northwest China, according to the China Manned Space Agency (CMSA).
===
ev10 | Reuters | reuters | 2026-10-30T16:20:00+00:00 | China sends three astronauts to Tiangong station
BEIJING, Oct 30 (Reuters) - China launched three astronauts to its Tiangong space station on Thursday, the latest in a series of missions as Beijing pushes to land a crew on the moon by 2030.

The Shenzhou-22 crew, including the first astronaut from Hong Kong, will carry out experiments and spacewalks during their stay.
===
ev10 | AFP | afp | 2026-10-30T17:05:00+00:00 | Chinese rocket carries trio to space station
A Chinese rocket carrying three astronauts blasted off from the Gobi desert late Thursday, state media showed, bound for the country's Tiangong space station.

The Long March 2F lifted off from Jiuquan at 11:44 pm (1544 GMT). "Launch successful," a commentator on state broadcaster CCTV announced.
===
ev11 | Reuters | reuters | 2026-11-21T06:30:00+00:00 | Japan cabinet approves $135 billion stimulus package
TOKYO, Nov 21 (Reuters) - Japan's cabinet approved on Friday an economic package worth 21.3 trillion yen ($135 billion) to cushion households from rising prices, Prime Minister Sanae Takaichi's first major policy step since taking office.

The package includes subsidies for electricity and gas bills and cash handouts for children.
===
ev11 | AP | apnews | 2026-11-21T07:15:00+00:00 | Japan's new leader unveils huge stimulus to ease inflation pain
TOKYO (AP) — Japan's government on Friday approved a stimulus package of more than 21 trillion yen, or about $135 billion, aimed at helping families cope with higher costs for food and energy.

"We will protect people's livelihoods from inflation," Prime Minister Sanae Takaichi told reporters.
===
ev11 | AFP | afp | 2026-11-21T08:00:00+00:00 | Japan approves stimulus worth 21 trillion yen
Japan's government on Friday approved a stimulus package worth 21.3 trillion yen, the biggest since the pandemic, as Prime Minister Sanae Takaichi seeks to tackle the rising cost of living. The package will be financed by a supplementary budget to be submitted to parliament.
===
ev12 | AP | apnews | 2026-08-12T01:30:00+00:00 | Fast-moving wildfire forces thousands to flee homes east of Los Angeles
YUCAIPA, Calif. (AP) — A wind-driven wildfire exploded to more than 8,000 acres in the foothills east of Los Angeles on Tuesday, forcing about 12,000 people to evacuate and destroying at least 20 homes, fire officials said.

The Ridge Fire was 0% contained by nightfall, Cal Fire said.
===
ev12 | Reuters | reuters | 2026-08-12T03:00:00+00:00 | California wildfire triggers evacuation of 12,000 residents
Aug 11 (Reuters) - A fast-spreading wildfire in Southern California's San Bernardino County forced authorities to order 12,000 people out of their homes on Tuesday, as strong winds pushed flames through dry brush.

The fire, named Ridge Fire, had scorched about 8,200 acres (3,300 hectares), according to Cal Fire.
===
ev13 | PTI | pti | 2026-09-09T05:40:00+00:00 | ISRO's PSLV-C62 successfully places earth observation satellite in orbit
Sriharikota, Sep 9 (PTI) ISRO's Polar Satellite Launch Vehicle successfully placed an earth observation satellite EOS-10 and 8 co-passenger satellites in their intended orbits on Wednesday, the space agency said.

The PSLV-C62 lifted off at 10.17 am from the first launch pad at the Satish Dhawan Space Centre. "I am happy to announce that the mission is accomplished," ISRO Chairman V Narayanan said.
===
ev13 | IANS | ians | 2026-09-09T06:20:00+00:00 | PSLV-C62 mission a success, EOS-10 placed in orbit
Chennai, Sep 9 (IANS) The Indian Space Research Organisation on Wednesday successfully launched its earth observation satellite EOS-10 along with eight smaller satellites on board the PSLV-C62 rocket from Sriharikota.

Prime Minister Narendra Modi congratulated the scientists, saying the mission would strengthen disaster management.
===
ev13 | Reuters | reuters | 2026-09-09T07:00:00+00:00 | India launches earth observation satellite after failed May mission
BENGALURU, Sept 9 (Reuters) - India's space agency launched an earth observation satellite on Wednesday, months after a failure of the same rocket model in May dented confidence in the country's workhorse launcher.
===
ev13 | Xinhua | xinhua | 2026-09-09T09:15:00+00:00 | India launches earth observation satellite
NEW DELHI, Sept. 9 (Xinhua) -- India on Wednesday launched an earth observation satellite along with eight other satellites from the spaceport of Sriharikota in southern state of Andhra Pradesh, officials said.
===
ev14 | AP | apnews | 2026-10-12T08:00:00+00:00 | Bus plunges into ravine in southwest Pakistan, killing 17
QUETTA, Pakistan (AP) — A passenger bus veered off a mountain road and plunged into a ravine in southwestern Pakistan on Sunday, killing 17 people and injuring 22, police said.

The bus was traveling from Quetta to Karachi when the driver lost control near Khuzdar, local police official Abdul Ghani said.
===
ev14 | Reuters | reuters | 2026-10-12T09:10:00+00:00 | Bus crash in Pakistan's Balochistan kills 17
QUETTA, Pakistan, Oct 12 (Reuters) - At least 17 people died when a bus fell into a gorge in Pakistan's Balochistan province on Sunday, officials said, blaming speeding on a narrow stretch of the N25 highway.
===
ev14 | Xinhua | xinhua | 2026-10-12T10:05:00+00:00 | 18 killed in road accident in SW Pakistan
ISLAMABAD, Oct. 12 (Xinhua) -- At least 18 people were killed and 21 others injured when a passenger bus fell into a ditch in Pakistan's southwest Balochistan province on Sunday, police said.

The accident took place in Khuzdar district in the early hours.
===
ev14 | Anadolu | aa | 2026-10-12T11:30:00+00:00 | 18 dead as bus falls into gorge in Pakistan
ISLAMABAD (AA) - At least 18 people were killed when a Karachi-bound bus fell into a gorge in the southwestern Balochistan province of Pakistan on Sunday, local media reported. Rescue officials said several of the injured were in critical condition.
===
ev15 | AP | apnews | 2026-10-09T11:10:00+00:00 | Hungarian writer wins Nobel Prize in literature
STOCKHOLM (AP) — Hungarian author László Krasznahorkai won the Nobel Prize in literature on Thursday for an oeuvre that the Swedish Academy said "reaffirms the power of art" amid apocalyptic terror.

Krasznahorkai, 71, is known for dense, long-sentenced novels such as "Satantango."
===
ev15 | Reuters | reuters | 2026-10-09T11:20:00+00:00 | Hungary's Krasznahorkai wins 2026 Nobel literature prize
STOCKHOLM, Oct 9 (Reuters) - Hungarian novelist Laszlo Krasznahorkai was awarded the 2026 Nobel Prize in Literature, the Swedish Academy said on Thursday. The prize is worth 11 million Swedish crowns ($1.2 million).
===
ev15 | AFP | afp | 2026-10-09T11:25:00+00:00 | Nobel literature prize goes to Hungary's Laszlo Krasznahorkai
Hungarian author Laszlo Krasznahorkai, master of the apocalyptic and the melancholic, won the Nobel Literature Prize on Thursday, the jury said.

"He is a great epic writer in the Central European tradition," Anders Olsson, chair of the Nobel committee, told reporters in Stockholm.
===
ev15 | dpa | dpa | 2026-10-09T11:40:00+00:00 | Literaturnobelpreis für László Krasznahorkai
Stockholm (dpa) - The Nobel Prize in Literature goes this year to the Hungarian writer László Krasznahorkai, the Swedish Academy announced in Stockholm. The 71-year-old has lived partly in Berlin and his works have been translated into German by Heike Flemming.
===
ev16 | Reuters | reuters | 2026-11-30T14:00:00+00:00 | OPEC+ keeps output steady for first quarter of 2027
LONDON/DUBAI, Nov 30 (Reuters) - OPEC+ agreed on Sunday to keep oil output levels unchanged for the first quarter of 2027 and approved a mechanism to assess members' maximum production capacity, three delegates told Reuters.
===
ev16 | AFP | afp | 2026-11-30T15:10:00+00:00 | OPEC+ holds oil production steady into 2027
The OPEC+ oil cartel on Sunday agreed to maintain its production levels for the first three months of 2027, pausing increases amid fears of a supply glut, the group said after a video conference.

Brent crude has lost about 15 percent this year.
===
ev16 | WAM | wam | 2026-11-30T16:30:00+00:00 | OPEC+ countries reaffirm pause in production increments in Q1 2027
VIENNA, 30th November, 2026 (WAM) -- The eight OPEC+ countries that previously announced additional voluntary adjustments met virtually today and reaffirmed their decision to pause production increments in January, February and March 2027 due to seasonality.
===
ev17 | PTI | pti | 2026-10-25T12:30:00+00:00 | Rohit, Kohli star as India beat Australia by 9 wickets in third ODI
Sydney, Oct 25 (PTI) Rohit Sharma struck an unbeaten 121 and Virat Kohli made 74 not out as India crushed Australia by nine wickets in the third and final ODI here on Saturday, though the hosts clinched the series 2-1.

Harshit Rana took four wickets as Australia were bowled out for 236.
===
ev17 | IANS | ians | 2026-10-25T12:50:00+00:00 | 3rd ODI: Rohit's century, Kohli's fifty power India to consolation win
Sydney, Oct 25 (IANS) An unbeaten 168-run stand between Rohit Sharma and Virat Kohli helped India beat Australia by nine wickets at the Sydney Cricket Ground on Saturday to avoid a series whitewash.
===
ev17 | AFP | afp | 2026-10-25T13:30:00+00:00 | Rohit ton, Kohli fifty give India consolation win over Australia
Veterans Rohit Sharma and Virat Kohli rolled back the years on Saturday, sharing an unbroken stand of 168 to steer India to a nine-wicket win over Australia in the third one-day international in Sydney. Australia had already wrapped up the three-match series.
===
ev18 | Anadolu | aa | 2026-11-10T09:30:00+00:00 | Hamas delegation arrives in Cairo for talks on second phase of Gaza ceasefire
CAIRO (AA) - A Hamas delegation led by Khalil al-Hayya arrived in Cairo on Tuesday for talks with Egyptian mediators on the second phase of the Gaza ceasefire agreement, an Egyptian source said.
===
ev18 | Reuters | reuters | 2026-11-10T11:00:00+00:00 | Hamas in Cairo talks on next phase of Gaza truce
CAIRO, Nov 10 (Reuters) - Hamas negotiators met Egyptian officials in Cairo on Tuesday to discuss the next stage of the Gaza ceasefire, including the disarmament of the group and an international stabilisation force, two Egyptian security sources said.
===
ev18 | AFP | afp | 2026-11-10T12:45:00+00:00 | Hamas team in Egypt as mediators push for Gaza truce phase two
A delegation from Palestinian militant group Hamas held talks with Egyptian intelligence chief Hassan Rashad in Cairo on Tuesday, as mediators push to move the Gaza ceasefire into its second phase, a Hamas official told AFP.
===
ev18 | Xinhua | xinhua | 2026-11-10T14:00:00+00:00 | Hamas delegation holds talks in Cairo on Gaza truce
CAIRO, Nov. 10 (Xinhua) -- A Hamas delegation on Tuesday held talks in the Egyptian capital Cairo with Egyptian officials on consolidating the ceasefire in the Gaza Strip, Egypt's state-run Al-Qahera News TV reported.
===
ev19 | Reuters | reuters | 2026-10-02T13:30:00+00:00 | Tesla third-quarter deliveries beat estimates as buyers rush before tax credit ends
Oct 2 (Reuters) - Tesla delivered 497,099 vehicles in the third quarter, beating analysts' estimates, as U.S. buyers rushed to claim a $7,500 federal tax credit before it expired at the end of September.
===
ev19 | AP | apnews | 2026-10-02T14:10:00+00:00 | Tesla sales jump as buyers race to beat end of EV tax credit
AUSTIN, Texas (AP) — Tesla said Thursday that it delivered nearly 500,000 vehicles worldwide from July through September, a 7% increase from a year ago, as Americans rushed to buy electric vehicles before a federal tax break ended.

Shares of Tesla rose about 1% in morning trading.
===
ev20 | AFP | afp | 2026-11-05T23:40:00+00:00 | Volcano erupts again in Iceland's Reykjanes peninsula
A volcano erupted on Iceland's Reykjanes peninsula late Thursday, the Icelandic Meteorological Office said, spewing lava from a fissure near the fishing town of Grindavik, which was evacuated.

The Blue Lagoon, one of Iceland's main tourist attractions, was also evacuated, national broadcaster RUV reported.
===
ev20 | Reuters | reuters | 2026-11-06T00:30:00+00:00 | Iceland volcano erupts near Grindavik for tenth time since 2023
REYKJAVIK, Nov 5 (Reuters) - A volcanic eruption began on Thursday evening on Iceland's Reykjanes peninsula, the country's Met Office said, the tenth eruption in the area since December 2023. The fissure was about 2.4 kilometres long, it said. Keflavik airport remained open.
===
ev20 | dpa | dpa | 2026-11-06T06:15:00+00:00 | Vulkanausbruch auf Island – eruption near Grindavík
Reykjavík (dpa) - On Iceland's Reykjanes peninsula a volcano has erupted again. Lava emerged from a fissure north of Grindavík late on Thursday evening, the Icelandic weather service said. Flights were not affected.
===
ev21 | AP | apnews | 2026-11-04T06:00:00+00:00 | Typhoon Kalmaegi slams central Philippines, leaving dozens dead in floods
MANILA, Philippines (AP) — Typhoon Kalmaegi unleashed flash floods in the central Philippines on Tuesday, killing at least 26 people, mostly in Cebu province, where torrents swept away cars and shanties.

Sustained winds of 150 kph (93 mph) were recorded when it made landfall.
===
ev21 | Reuters | reuters | 2026-11-04T07:20:00+00:00 | Typhoon Kalmaegi kills at least 26 in Philippines
MANILA, Nov 4 (Reuters) - At least 26 people were killed after Typhoon Kalmaegi hit the central Philippines, causing severe flooding in Cebu, the civil defence office said on Tuesday.

More than 387,000 people had been moved to evacuation centres.
===
ev21 | Xinhua | xinhua | 2026-11-04T09:00:00+00:00 | Typhoon Kalmaegi leaves 26 dead in Philippines
MANILA, Nov. 4 (Xinhua) -- Typhoon Kalmaegi has killed at least 26 people in the central Philippines, mostly due to drowning in flash floods in Cebu province, officials said Tuesday.
===
ev21 | AFP | afp | 2026-11-04T12:30:00+00:00 | Philippine typhoon death toll climbs to 52
The death toll from Typhoon Kalmaegi in the Philippines rose to 52 on Tuesday, officials said, as rescuers waded through muddy streets in Cebu after some of the worst floods in decades.

"We did everything we could but the water rose too fast," Cebu governor Pamela Baricuatro said.
===
ev22 | PTI | pti | 2026-09-17T08:10:00+00:00 | Air India Delhi-bound flight makes emergency landing in Bhopal
Bhopal, Sep 17 (PTI) An Air India flight from Bengaluru to Delhi made an emergency landing at Bhopal's Raja Bhoj airport on Wednesday following a suspected technical snag, an official said. All 163 passengers and crew are safe.
===
ev22 | IANS | ians | 2026-09-17T09:00:00+00:00 | Air India flight diverted to Bhopal after technical glitch, 163 on board safe
New Delhi, Sep 17 (IANS) A Bengaluru-Delhi Air India flight was diverted to Bhopal on Wednesday morning after the pilots reported an engine issue, the airline said in a statement, adding that passengers were being accommodated on another aircraft.
"""
