"""Events 23-44 of the labelled event set (same block format as reports_a.py)."""

BLOCKS = r"""
ev23 | WAM | wam | 2026-11-17T08:30:00+00:00 | Emirates announces order for 65 Boeing 777-9 at Dubai Airshow
DUBAI, 17th November, 2026 (WAM) -- Emirates today announced an order for 65 Boeing 777-9 aircraft valued at US$38 billion on the opening day of the Dubai Airshow 2026, taking its total 777X order book to 270.

His Highness Sheikh Ahmed bin Saeed Al Maktoum, Chairman and Chief Executive of Emirates Airline and Group, said the order reflected confidence in Dubai's aviation future.
===
ev23 | Reuters | reuters | 2026-11-17T09:10:00+00:00 | Emirates orders 65 more Boeing 777X jets as Dubai Airshow opens
DUBAI, Nov 17 (Reuters) - Emirates ordered 65 Boeing 777-9 jets worth $38 billion at list prices on Monday, kicking off the Dubai Airshow with a deal that underscores the Gulf carrier's bet on the delayed widebody.
===
ev23 | AFP | afp | 2026-11-17T10:00:00+00:00 | Emirates inks $38 bn Boeing deal at Dubai Airshow
Dubai's Emirates airline on Monday announced an order for 65 Boeing 777X jets worth 38 billion dollars, despite repeated delivery delays for the aircraft. "Boeing has to deliver," Emirates president Tim Clark told reporters at the show.
===
ev24 | Reuters | reuters | 2026-11-06T19:00:00+00:00 | Brazil Amazon deforestation falls 11% to lowest in a decade
BRASILIA, Nov 6 (Reuters) - Deforestation in Brazil's Amazon rainforest fell 11% in the 12 months through July, to the lowest level since 2015, government data showed on Thursday, days before the COP30 climate summit in Belem.
===
ev24 | AFP | afp | 2026-11-06T20:15:00+00:00 | Amazon deforestation drops to 11-year low, Brazil says
Deforestation in Brazil's Amazon fell to its lowest level in more than a decade over the past year, official data showed Thursday, a boost for President Luiz Inacio Lula da Silva ahead of the UN climate talks.

The PRODES satellite system recorded 5,796 square kilometers of forest cleared between August 2025 and July 2026, down 11.1 percent.
===
ev24 | AP | apnews | 2026-11-06T21:30:00+00:00 | Amazon deforestation in Brazil drops again ahead of climate summit
SAO PAULO (AP) — Deforestation in Brazil's Amazon dropped 11% in the year to July, according to annual figures released Thursday by the National Institute for Space Research, which uses satellite images. About 5,800 square kilometers (2,240 square miles) were cleared.
===
ev25 | AFP | afp | 2026-09-28T10:00:00+00:00 | Gold mine collapse kills 11 in Sudan
Eleven workers were killed when a traditional gold mine collapsed in northeastern Sudan, the state mining company said Sunday.

The shaft caved in at the Kersh al-Fil mine in the Howeid desert area, between Atbara and Haya. Seven other miners were injured.
===
ev25 | Xinhua | xinhua | 2026-09-28T12:00:00+00:00 | 11 killed in gold mine collapse in Sudan
KHARTOUM, Sept. 28 (Xinhua) -- Eleven miners were killed and seven others injured in the collapse of a traditional gold mine in Sudan's River Nile state, the Sudanese Mineral Resources Company said in a statement on Sunday.
===
ev25 | Anadolu | aa | 2026-09-28T13:30:00+00:00 | 11 workers killed as gold mine caves in, northeastern Sudan
KHARTOUM (AA) - Eleven people lost their lives and seven were wounded when a gold mine collapsed in the River Nile state of northeastern Sudan, the state-owned mining company announced on Sunday, urging miners to follow safety rules.
===
ev26 | PTI | pti | 2026-10-01T05:10:00+00:00 | RBI keeps repo rate unchanged at 5.5 pc, retains neutral stance
Mumbai, Oct 1 (PTI) The Reserve Bank on Wednesday kept the benchmark lending rate unchanged at 5.5 per cent, and raised its GDP growth projection for the current fiscal to 6.8 per cent from 6.5 per cent.

"The MPC voted unanimously to keep the policy repo rate unchanged," RBI Governor Sanjay Malhotra said.
===
ev26 | IANS | ians | 2026-10-01T05:30:00+00:00 | RBI holds repo rate at 5.5%, ups FY26 growth forecast to 6.8%
Mumbai, Oct 1 (IANS) The Reserve Bank of India's Monetary Policy Committee on Wednesday decided to keep the repo rate unchanged at 5.5 per cent, Governor Sanjay Malhotra announced, while lowering the inflation forecast to 2.6 per cent.
===
ev26 | Reuters | reuters | 2026-10-01T06:00:00+00:00 | India's central bank holds rates, flags room for easing
MUMBAI, Oct 1 (Reuters) - The Reserve Bank of India left its key repo rate unchanged at 5.50% on Wednesday, as expected, but said inflation had eased enough to open up policy space to support growth hit by U.S. tariffs.
===
ev27 | AP | apnews | 2026-11-14T05:30:00+00:00 | South Korean court sentences ex-president Yoon to 7 years for obstruction
SEOUL, South Korea (AP) — A South Korean court on Friday sentenced former President Yoon Suk Yeol to seven years in prison for obstructing his own arrest after his brief imposition of martial law.

The Seoul Central District Court said Yoon had "privatised" the presidential security service.
===
ev27 | Reuters | reuters | 2026-11-14T06:00:00+00:00 | Former South Korean president Yoon jailed for seven years
SEOUL, Nov 14 (Reuters) - A Seoul court sentenced former South Korean President Yoon Suk Yeol to seven years in prison on Friday for obstruction of justice, the first verdict in a string of criminal trials stemming from his December 2024 martial law bid.
===
ev27 | AFP | afp | 2026-11-14T06:40:00+00:00 | South Korea's ex-leader Yoon gets seven-year sentence
South Korea's ousted president Yoon Suk Yeol was sentenced to seven years in jail on Friday for blocking investigators from arresting him in January 2025, in the first ruling against him. Prosecutors had sought 10 years. Yoon still faces an insurrection trial in which prosecutors are seeking the death penalty.
===
ev28 | AFP | afp | 2026-10-16T14:30:00+00:00 | French PM Lecornu survives no-confidence votes
French Prime Minister Sebastien Lecornu on Thursday survived two no-confidence motions in parliament after offering to suspend a contested pension reform, giving his fragile government a reprieve.

The motion by the hard-left France Unbowed fell 18 votes short of the 289 needed.
===
ev28 | Reuters | reuters | 2026-10-16T14:50:00+00:00 | French government survives no-confidence vote after pension U-turn
PARIS, Oct 16 (Reuters) - France's Prime Minister Sebastien Lecornu survived a no-confidence vote on Thursday, after winning over Socialist lawmakers by agreeing to suspend President Emmanuel Macron's flagship 2023 pension reform. The motion secured 271 votes.
===
ev28 | dpa | dpa | 2026-10-16T15:30:00+00:00 | Französische Regierung übersteht Misstrauensvotum
Paris (dpa) - France's new prime minister Sébastien Lecornu has survived a vote of no confidence in the National Assembly. The motion by La France Insoumise received 271 votes, 18 short of an absolute majority, after the Socialists decided not to back it.
===
ev29 | PTI | pti | 2026-11-13T07:30:00+00:00 | Delhi pollution: Primary schools shift to hybrid mode as GRAP-3 invoked
New Delhi, Nov 13 (PTI) The Delhi government on Thursday ordered all schools up to Class 5 to function in hybrid mode after the Commission for Air Quality Management invoked Stage 3 of the Graded Response Action Plan as the city's AQI crossed 425.

Construction and demolition work has also been banned across the National Capital Region.
===
ev29 | IANS | ians | 2026-11-13T08:20:00+00:00 | GRAP Stage III kicks in as Delhi's air turns 'severe', classes for junior students go hybrid
New Delhi, Nov 13 (IANS) With the air quality in the national capital slipping into the 'severe' category, the CAQM on Thursday enforced Stage III curbs under GRAP, including hybrid classes for students up to Class 5 and a ban on BS-III petrol and BS-IV diesel cars.
===
ev29 | Reuters | reuters | 2026-11-13T10:00:00+00:00 | New Delhi curbs construction, moves young pupils online as smog worsens
NEW DELHI, Nov 13 (Reuters) - Authorities in India's capital banned non-essential construction and ordered primary schools to hold some classes online on Thursday as a toxic smog pushed the air quality index into the "severe" zone.
===
ev30 | PTI | pti | 2026-10-04T10:30:00+00:00 | Kerala Thiruvonam Bumper: Rs 25 crore first prize goes to ticket sold in Ernakulam
Thiruvananthapuram, Oct 4 (PTI) The first prize of Rs 25 crore in the Kerala state lottery's Thiruvonam Bumper BR-105 went to ticket number TH 577825, sold by an agent in Nettoor, Ernakulam, officials said after the draw on Saturday.

Finance Minister K N Balagopal conducted the draw at the Gorky Bhavan.
===
ev30 | IANS | ians | 2026-10-04T11:15:00+00:00 | Onam bumper lottery: Ernakulam ticket wins Rs 25 crore jackpot
Thiruvananthapuram, Oct 4 (IANS) The Rs 25-crore Thiruvonam Bumper first prize was won by ticket TH 577825, sold in Ernakulam district, the Kerala Lotteries Department announced on Saturday. A record 75 lakh tickets had been sold.
===
ev31 | Xinhua | xinhua | 2026-10-10T08:30:00+00:00 | China imposes countermeasures on U.S. defense companies over arms sales to Taiwan
BEIJING, Oct. 10 (Xinhua) -- China has decided to take countermeasures against 14 U.S. military-industrial companies and six senior executives over the latest U.S. arms sales to China's Taiwan region, a Foreign Ministry spokesperson said Friday.
===
ev31 | Reuters | reuters | 2026-10-10T09:00:00+00:00 | China sanctions 14 U.S. defence firms over Taiwan arms sale
BEIJING, Oct 10 (Reuters) - China on Friday announced sanctions against 14 U.S. defence companies and six executives, including units of Lockheed Martin and RTX, in retaliation for Washington's $1.1 billion arms sale to Taiwan. Their assets in China will be frozen.
===
ev31 | AFP | afp | 2026-10-10T09:40:00+00:00 | China hits US defence firms with sanctions over Taiwan
Beijing on Friday slapped sanctions on 14 American defence companies and six of their senior managers over a recent arms sale to Taiwan, the foreign ministry said. "Taiwan is the core of China's core interests," spokesman Lin Jian told a regular press briefing.
===
ev31 | AP | apnews | 2026-10-10T10:30:00+00:00 | China targets US military contractors after arms sale to Taiwan
BEIJING (AP) — China said Friday it is freezing the assets of 14 U.S. defense contractors and barring six executives from entering the country, its latest response to American arms sales to the self-governing island it claims as its territory.
===
ev32 | Reuters | reuters | 2026-10-26T15:00:00+00:00 | Sudan's RSF says it has seized army headquarters in El Fasher
CAIRO, Oct 26 (Reuters) - Sudan's paramilitary Rapid Support Forces said on Sunday they had taken control of the army's 6th Infantry Division headquarters in El Fasher, the military's last stronghold in the Darfur region, after an 18-month siege.
===
ev32 | AFP | afp | 2026-10-26T16:30:00+00:00 | Sudan paramilitaries claim capture of key army base in El-Fasher
Sudan's paramilitary Rapid Support Forces on Sunday claimed control of the army's main base in El-Fasher, the last major city in Darfur held by the military, raising fears of mass atrocities against civilians trapped there.

"Our forces have liberated the 6th Division," the RSF said in a statement on Telegram.
===
ev32 | Anadolu | aa | 2026-10-26T17:45:00+00:00 | RSF claims control of Sudanese army headquarters in El Fasher
KHARTOUM (AA) - The paramilitary Rapid Support Forces (RSF) claimed on Sunday to have captured the Sudanese army's headquarters in El Fasher, the capital of North Darfur state. The army has not commented on the claim.
===
ev32 | AP | apnews | 2026-10-26T19:00:00+00:00 | Sudan's paramilitary says it seized army base in besieged Darfur city
CAIRO (AP) — Sudan's notorious paramilitary group said Sunday it captured the military's main base in el-Fasher, a major advance in its battle for the western Darfur region. The Sudanese military did not confirm the fall of the base.
===
ev33 | Reuters | reuters | 2026-11-04T05:30:00+00:00 | Saudi Aramco Q3 profit dips 2.3% on lower oil prices
DUBAI, Nov 4 (Reuters) - Saudi Aramco's third-quarter net profit fell 2.3% to 101.0 billion riyals ($26.9 billion), the state oil giant said on Tuesday, as lower crude prices offset higher production volumes. Aramco kept its base dividend at $21.1 billion.
===
ev33 | AFP | afp | 2026-11-04T06:15:00+00:00 | Saudi Aramco posts lower profits as oil prices slide
Saudi oil giant Aramco reported a net income of nearly $27 billion for the third quarter on Tuesday, down slightly from a year earlier due to weaker crude prices, but maintained its dividend payout.
===
ev33 | Anadolu | aa | 2026-11-04T07:00:00+00:00 | Aramco's net profit declines to $26.9B in 3rd quarter
ISTANBUL (AA) - Saudi Arabia's state-owned oil company Aramco announced a net profit of $26.9 billion for the third quarter of the year, down 2.3% year-on-year, according to a statement to the Saudi stock exchange Tadawul on Tuesday.
===
ev34 | Reuters | reuters | 2026-10-22T06:30:00+00:00 | Ukrainian drones hit Ryazan oil refinery, sparking fire, governor says
Oct 22 (Reuters) - Ukrainian drones attacked an oil refinery in Russia's Ryazan region overnight, causing a fire, regional governor Pavel Malkov said on Wednesday. Russia's defence ministry said it had downed 139 drones over several regions.
===
ev34 | AFP | afp | 2026-10-22T07:10:00+00:00 | Ukraine strikes Russian refinery in Ryazan with drones
Ukraine's army said Wednesday it had struck the Ryazan oil refinery, one of the largest in central Russia, in an overnight drone attack. "Explosions and a fire were recorded in the area," the Ukrainian general staff said on Telegram.
===
ev34 | dpa | dpa | 2026-10-22T08:00:00+00:00 | Drohnenangriff auf Raffinerie in Rjasan
Kyiv/Moscow (dpa) - Ukraine has again attacked the oil refinery in the Russian city of Ryazan with drones. Governor Pavel Malkov reported a fire on the site, which was quickly brought under control.
===
ev34 | Anadolu | aa | 2026-10-22T09:30:00+00:00 | Ukraine says it hit Russia's Ryazan refinery overnight
KYIV (AA) - The Ukrainian General Staff announced on Wednesday that its forces struck the Ryazan oil refinery in Russia overnight, as part of efforts to reduce Moscow's ability to fund its war.
===
ev35 | AFP | afp | 2026-11-09T03:00:00+00:00 | Indonesia's Mount Lewotobi erupts, spewing ash 10 km high
Indonesia's Mount Lewotobi Laki-laki erupted on Sunday, sending a column of ash 10 kilometres into the sky and prompting authorities to raise the alert to its highest level, the volcanology agency said.

Several flights to Bali were cancelled.
===
ev35 | Xinhua | xinhua | 2026-11-09T04:10:00+00:00 | Mount Lewotobi Laki-laki erupts in eastern Indonesia
JAKARTA, Nov. 9 (Xinhua) -- Mount Lewotobi Laki-laki in East Nusa Tenggara province erupted on Sunday, spewing an ash column about 10,000 meters above its peak, Indonesia's Center for Volcanology and Geological Hazard Mitigation said.
===
ev35 | Reuters | reuters | 2026-11-09T05:00:00+00:00 | Indonesian volcano erupts, Bali flights cancelled
JAKARTA, Nov 9 (Reuters) - Mount Lewotobi Laki-laki on the Indonesian island of Flores erupted on Sunday, shooting ash up to 10 km (6 miles) into the air and forcing the cancellation of some flights to and from Bali, officials said. There were no immediate reports of casualties.
===
ev36 | AFP | afp | 2026-10-29T08:00:00+00:00 | Flash floods kill at least 13 in Spain's Valencia region
Torrential rain unleashed flash floods in Spain's eastern Valencia region, killing at least 13 people, emergency services said Wednesday, as streets turned into rivers of mud.

Spain's weather agency AEMET had issued a red alert for the area.
===
ev36 | Reuters | reuters | 2026-10-29T09:00:00+00:00 | At least 13 dead as floods hit eastern Spain
MADRID, Oct 29 (Reuters) - At least 13 people died in flash floods in the eastern Spanish region of Valencia after torrential rain overnight, regional authorities said on Wednesday. Prime Minister Pedro Sanchez said the government would send military emergency units.
===
ev36 | dpa | dpa | 2026-10-29T10:30:00+00:00 | Unwetter in Spanien: mindestens 13 Tote
Valencia (dpa) - Heavy rain has caused severe flooding in the Valencia region of eastern Spain. At least 13 people died, the regional government said. Train services between Madrid and Valencia were suspended.
===
ev36 | Xinhua | xinhua | 2026-10-29T12:00:00+00:00 | 13 killed in floods in Spain's Valencia
MADRID, Oct. 29 (Xinhua) -- Thirteen people have been killed as torrential rains caused flash flooding in the Valencia region in eastern Spain, the regional emergency services said Wednesday.
===
ev37 | AP | apnews | 2026-09-09T18:30:00+00:00 | Apple unveils thinner iPhone Air at annual product event
CUPERTINO, Calif. (AP) — Apple on Tuesday introduced its thinnest iPhone yet, the iPhone Air, along with an iPhone 17 lineup and new Apple Watch models, at its annual fall showcase.

The iPhone Air will sell for $999.
===
ev37 | Reuters | reuters | 2026-09-09T19:00:00+00:00 | Apple launches ultra-thin iPhone Air, keeps prices steady
Sept 9 (Reuters) - Apple unveiled the iPhone Air, its thinnest phone, on Tuesday and kept the starting price of its base iPhone 17 unchanged at $799, as it tries to revive demand amid tariff pressure.
===
ev37 | AFP | afp | 2026-09-09T19:40:00+00:00 | Apple bets on slim iPhone Air to spark sales
Apple on Tuesday unveiled a super-thin iPhone at its annual launch event in Cupertino, California, betting on design to rekindle excitement around its flagship product.
===
ev38 | Anadolu | aa | 2026-09-12T17:00:00+00:00 | UN General Assembly endorses New York Declaration on two-state solution
NEW YORK (AA) - The UN General Assembly on Friday endorsed the New York Declaration on the peaceful settlement of the question of Palestine and the implementation of the two-state solution, with 142 votes in favor, 10 against and 12 abstentions.
===
ev38 | WAM | wam | 2026-09-12T18:30:00+00:00 | UAE welcomes UNGA adoption of New York Declaration on two-state solution
ABU DHABI, 12th September, 2026 (WAM) -- The UAE welcomed the adoption by the United Nations General Assembly of the "New York Declaration" on the peaceful settlement of the Palestinian question and the implementation of the two-state solution.
===
ev38 | AFP | afp | 2026-09-12T19:10:00+00:00 | UN assembly backs declaration on Palestinian state, without Hamas
The UN General Assembly on Friday overwhelmingly endorsed a declaration backing a two-state solution between Israel and the Palestinians that explicitly excludes Hamas. The text, drafted by France and Saudi Arabia, was adopted by 142 votes; Israel and the United States voted against.
===
ev38 | Xinhua | xinhua | 2026-09-12T20:00:00+00:00 | UN General Assembly adopts declaration on two-state solution
UNITED NATIONS, Sept. 12 (Xinhua) -- The UN General Assembly on Friday adopted a resolution endorsing the New York Declaration on the two-state solution, by a recorded vote of 142 in favor to 10 against, with 12 abstentions.
===
ev39 | AFP | afp | 2026-11-03T11:00:00+00:00 | Avalanche kills seven climbers in Nepal
An avalanche swept through a base camp on Nepal's Mount Yalung Ri, killing at least seven climbers including five foreigners, officials said Monday.

Rescue helicopters were hampered by bad weather, police official Gyan Kumar Mahato told AFP.
===
ev39 | Reuters | reuters | 2026-11-03T12:00:00+00:00 | Avalanche in Nepal's Himalayas kills 7, four missing
KATHMANDU, Nov 3 (Reuters) - An avalanche hit a base camp in Nepal's Dolakha district on Monday, killing seven people including three Americans, a Canadian and an Italian, and leaving four missing.
===
ev39 | IANS | ians | 2026-11-03T13:00:00+00:00 | 7 including 5 foreign climbers killed in Nepal avalanche
Kathmandu, Nov 3 (IANS) Seven people, including five foreign nationals, were killed after an avalanche struck the Yalung Ri base camp in Rolwaling valley of Nepal's Dolakha district on Monday, police said.
===
ev40 | AP | apnews | 2026-09-05T22:00:00+00:00 | Journalist shot dead in Mexico's Sinaloa state
MEXICO CITY (AP) — A journalist was shot to death Friday in Culiacan, the capital of Mexico's violence-wracked Sinaloa state, prosecutors said. Reporter Miguel Angel Beltran, who ran a local news website, was found dead in a vehicle.
===
ev40 | AFP | afp | 2026-09-05T23:30:00+00:00 | Mexican reporter murdered in cartel stronghold Culiacan
A Mexican journalist was murdered on Friday in Culiacan, the state capital of Sinaloa, where rival factions of the Sinaloa Cartel have been waging a bloody turf war for a year, authorities said. Beltran is the sixth journalist killed in Mexico this year, according to AFP's tally.
===
ev40 | Reuters | reuters | 2026-09-06T01:00:00+00:00 | Journalist killed in northern Mexico as cartel war rages
MEXICO CITY, Sept 5 (Reuters) - Mexican journalist Miguel Angel Beltran was killed in Sinaloa state on Friday, the state prosecutor's office said, the latest media worker slain in one of the world's deadliest countries for the press.
===
ev41 | WAM | wam | 2026-10-14T09:00:00+00:00 | UAE launches new visa categories for AI specialists, entertainers
ABU DHABI, 14th October, 2026 (WAM) -- The Federal Authority for Identity, Citizenship, Customs and Port Security (ICP) has announced four new visit visa categories, covering artificial intelligence specialists, entertainers, event participants and cruise ship tourists.
===
ev41 | IANS | ians | 2026-10-14T11:30:00+00:00 | UAE introduces new visa categories for AI experts
Dubai, Oct 14 (IANS) The UAE has introduced four new types of visit visas, including one for experts in artificial intelligence, the ICP said, as the country seeks to attract global talent.
===
ev41 | Anadolu | aa | 2026-10-14T13:00:00+00:00 | UAE unveils 4 new visit visas, including for AI experts
ISTANBUL (AA) - The United Arab Emirates announced four new visit visa categories on Tuesday targeting specialists in artificial intelligence, entertainment and events, as well as cruise passengers, state news agency WAM reported.
===
ev42 | dpa | dpa | 2026-10-01T19:30:00+00:00 | Oktoberfest nach Bombendrohung vorübergehend geschlossen
Munich (dpa) - The Oktoberfest in Munich remained closed on Wednesday until the evening after a bomb threat linked to a house fire in the north of the city. Police found explosives in the burning house and a man dead nearby.
===
ev42 | AP | apnews | 2026-10-01T20:00:00+00:00 | Munich's Oktoberfest shut for hours after bomb threat tied to deadly fire
BERLIN (AP) — Munich's Oktoberfest was closed for much of Wednesday after police received a bomb threat linked to an explosion and fire at a house in the north of the city, where one person died and another was injured.
===
ev42 | Reuters | reuters | 2026-10-01T20:45:00+00:00 | Oktoberfest reopens after bomb threat, man found dead near burning house
MUNICH, Oct 1 (Reuters) - Munich's Oktoberfest reopened in the evening on Wednesday after a bomb threat forced its closure, police said, after a man set fire to a family home and was later found dead. Mayor Dieter Reiter said the decision had been "a precaution."
===
ev43 | PTI | pti | 2026-11-14T12:00:00+00:00 | NDA sweeps Bihar, wins over 200 seats
Patna, Nov 14 (PTI) The BJP-led NDA on Friday stormed back to power in Bihar, winning 202 of the 243 assembly seats, while the Mahagathbandhan led by Tejashwi Yadav was reduced to 35.

Chief Minister Nitish Kumar thanked the people of the state for "the historic mandate."
===
ev43 | IANS | ians | 2026-11-14T13:10:00+00:00 | Bihar results: NDA crosses 200-mark, Tejashwi concedes
Patna, Nov 14 (IANS) The National Democratic Alliance registered a landslide in the Bihar Assembly elections on Friday, crossing 200 seats in the 243-member House, as RJD leader Tejashwi Yadav accepted the verdict.
===
ev43 | Reuters | reuters | 2026-11-14T14:30:00+00:00 | Modi's alliance wins big in India's Bihar state election
NEW DELHI, Nov 14 (Reuters) - Prime Minister Narendra Modi's ruling coalition won a landslide in the eastern state of Bihar, election commission data showed on Friday, a boost for his party after it lost its majority in the 2024 national vote.
===
ev44 | Reuters | reuters | 2026-10-08T09:00:00+00:00 | Gold breaks above $4,000 for first time as investors seek safety
Oct 8 (Reuters) - Gold prices topped $4,000 an ounce for the first time on Wednesday, extending a record-breaking rally driven by expectations of U.S. rate cuts and a U.S. government shutdown. Spot gold was up 1.2% at $4,031.
===
ev44 | AFP | afp | 2026-10-08T10:30:00+00:00 | Gold tops $4,000 an ounce in historic milestone
Gold soared past $4,000 an ounce for the first time on Wednesday as investors piled into the haven asset, with political turmoil in France and Japan adding to worries about the US shutdown.
===
ev44 | Anadolu | aa | 2026-10-08T12:00:00+00:00 | Gold price hits record above $4,000 per ounce
ISTANBUL (AA) - The price of gold rose above $4,000 an ounce on Wednesday for the first time in history, gaining about 1% on the day to trade at $4,035 at 1100GMT, as demand for safe-haven assets surged.
"""
