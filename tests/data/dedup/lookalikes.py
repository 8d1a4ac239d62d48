"""Look-alikes for the dedup labelled set: templated daily reports that differ in figures
and day, and independent reports of one event by different agencies. Invented text."""

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

MARKET = ("The BSE Sensex {dir} {pts} points or {pct} per cent to close at {close} on {day}, while the "
          "broader NSE Nifty settled at {nifty}, as investors {mood} ahead of the quarterly results season.\n\n"
          "{sector} stocks led the {move}, with {stock} {sdir} {spct} per cent, the top {role} on the Sensex.\n\n"
          "Foreign institutional investors {fii} shares worth Rs {fiiamt} crore on the previous day, according to "
          "provisional exchange data.\n\n"
          "Market breadth was {breadth}, with {adv} shares advancing and {dec} declining on the BSE.")
MARKET_ROWS = [
    dict(dir="rose", pts="312.45", pct="0.42", close="74,102.33", nifty="22,514.60", mood="bought banking shares",
         sector="Banking", move="gains", stock="HDFC Bank", sdir="rising", spct="2.1", role="gainer",
         fii="bought", fiiamt="1,204", breadth="positive", adv="2,140", dec="1,602"),
    dict(dir="fell", pts="188.10", pct="0.25", close="73,914.23", nifty="22,461.05", mood="booked profits",
         sector="IT", move="decline", stock="Infosys", sdir="falling", spct="1.8", role="loser",
         fii="sold", fiiamt="860", breadth="negative", adv="1,512", dec="2,233"),
    dict(dir="rose", pts="95.62", pct="0.13", close="74,009.85", nifty="22,489.90", mood="stayed cautious",
         sector="Auto", move="gains", stock="Tata Motors", sdir="rising", spct="1.4", role="gainer",
         fii="bought", fiiamt="415", breadth="mixed", adv="1,880", dec="1,905"),
    dict(dir="fell", pts="402.77", pct="0.54", close="73,607.08", nifty="22,370.15", mood="sold heavyweights",
         sector="Metal", move="decline", stock="Tata Steel", sdir="falling", spct="3.2", role="loser",
         fii="sold", fiiamt="2,318", breadth="negative", adv="1,204", dec="2,611"),
    dict(dir="rose", pts="520.30", pct="0.71", close="74,127.38", nifty="22,602.45", mood="bought across sectors",
         sector="Banking", move="gains", stock="ICICI Bank", sdir="rising", spct="2.6", role="gainer",
         fii="bought", fiiamt="1,977", breadth="positive", adv="2,402", dec="1,350"),
]

GOLD = ("Gold prices in the national capital {dir} by Rs {chg} to Rs {price} per 10 grams on {day}, according "
        "to the All India Sarafa Association.\n\n"
        "Silver {sdir} Rs {schg} to Rs {sprice} per kilogram, the association said.\n\n"
        "Traders attributed the {move} to {reason} and movements in international markets, where spot gold was "
        "trading at ${spot} an ounce.")
GOLD_ROWS = [
    dict(dir="rose", chg="350", price="72,450", day="Monday", sdir="gained", schg="500", sprice="86,200", move="rise",
         reason="fresh buying by jewellers for the wedding season", spot="2,342.10"),
    dict(dir="fell", chg="200", price="72,250", day="Tuesday", sdir="lost", schg="800", sprice="85,400", move="fall",
         reason="weak demand from jewellers", spot="2,330.55"),
    dict(dir="rose", chg="150", price="72,400", day="Wednesday", sdir="gained", schg="300", sprice="85,700", move="rise",
         reason="a weaker rupee", spot="2,338.90"),
    dict(dir="rose", chg="420", price="72,820", day="Thursday", sdir="gained", schg="1,100", sprice="86,800", move="rise",
         reason="safe-haven buying", spot="2,361.40"),
    dict(dir="fell", chg="90", price="72,730", day="Friday", sdir="lost", schg="250", sprice="86,550", move="fall",
         reason="profit-taking by stockists", spot="2,355.00"),
]

WEATHER = ("Delhi recorded a maximum temperature of {tmax} degrees Celsius on {day}, {dev} notches above the "
           "season's average, while the minimum settled at {tmin} degrees Celsius, the India Meteorological "
           "Department said.\n\n"
           "The relative humidity oscillated between {hlo} per cent and {hhi} per cent, and the air quality index "
           "stood at {aqi} in the {aqicat} category at 4 p.m., according to the Central Pollution Control Board.\n\n"
           "The weather office has forecast {forecast} for {next_day}, with the maximum temperature likely to hover "
           "around {tnext} degrees Celsius.")
WEATHER_ROWS = [
    dict(tmax="41.2", day="Monday", dev="three", tmin="27.4", hlo="22", hhi="48", aqi="182", aqicat="moderate",
         forecast="a clear sky", next_day="Tuesday", tnext="42"),
    dict(tmax="42.6", day="Tuesday", dev="four", tmin="28.1", hlo="18", hhi="41", aqi="205", aqicat="poor",
         forecast="strong surface winds", next_day="Wednesday", tnext="43"),
    dict(tmax="39.8", day="Wednesday", dev="two", tmin="26.9", hlo="30", hhi="62", aqi="148", aqicat="moderate",
         forecast="a partly cloudy sky", next_day="Thursday", tnext="40"),
    dict(tmax="38.4", day="Thursday", dev="one", tmin="25.7", hlo="35", hhi="71", aqi="121", aqicat="moderate",
         forecast="light rain", next_day="Friday", tnext="37"),
    dict(tmax="40.1", day="Friday", dev="two", tmin="26.2", hlo="26", hhi="55", aqi="163", aqicat="moderate",
         forecast="a clear sky", next_day="Saturday", tnext="41"),
]

MATCH = ("{winner} beat {loser} by {margin} in the {nth} match of the women's T20 league at the {venue} on {day}.\n\n"
         "Put in to bat, {first} made {score1} in 20 overs, with {bat} top-scoring with {runs} off {balls} balls.\n\n"
         "In reply, {second} {chase}, as {bowler} finished with figures of {figs}.\n\n"
         "{winner} now have {pts} points from {played} matches and are {pos} in the table.")
MATCH_ROWS = [
    dict(winner="Mumbai Mavericks", loser="Delhi Dashers", margin="24 runs", nth="9th", venue="Wankhede Stadium",
         day="Monday", first="Mumbai Mavericks", score1="168 for five", bat="Ananya Rao", runs="61", balls="44",
         second="Delhi Dashers", chase="were restricted to 144 for eight", bowler="Meera Joshi", figs="three for 22",
         pts="10", played="six", pos="second"),
    dict(winner="Chennai Chargers", loser="Kolkata Knights", margin="six wickets", nth="10th", venue="Eden Gardens",
         day="Tuesday", first="Kolkata Knights", score1="151 for seven", bat="Riya Sen", runs="48", balls="39",
         second="Chennai Chargers", chase="reached the target with eight balls to spare", bowler="Divya Nair",
         figs="two for 19", pts="8", played="five", pos="third"),
    dict(winner="Delhi Dashers", loser="Bengaluru Blazers", margin="11 runs", nth="11th", venue="Arun Jaitley Stadium",
         day="Wednesday", first="Delhi Dashers", score1="174 for four", bat="Sana Khan", runs="72", balls="51",
         second="Bengaluru Blazers", chase="were bowled out for 163", bowler="Kavya Iyer", figs="four for 30",
         pts="6", played="six", pos="fifth"),
    dict(winner="Mumbai Mavericks", loser="Chennai Chargers", margin="seven wickets", nth="12th", venue="Wankhede Stadium",
         day="Thursday", first="Chennai Chargers", score1="139 for nine", bat="Divya Nair", runs="35", balls="30",
         second="Mumbai Mavericks", chase="reached the target in 17.2 overs", bowler="Meera Joshi", figs="three for 18",
         pts="12", played="seven", pos="first"),
]

RUPEE = ("The rupee settled {dir} {chg} paise at {rate} (provisional) against the US dollar on {day}, "
         "{why}.\n\n"
         "At the interbank foreign exchange market, the local unit opened at {open} and moved in a range of "
         "{lo} to {hi} during the session, forex traders said.\n\n"
         "The dollar index, which gauges the greenback's strength against a basket of six currencies, was "
         "{didx} at {dval}, while Brent crude futures traded at ${brent} per barrel.")
RUPEE_ROWS = [
    dict(dir="up", chg="12", rate="83.21", day="Monday", why="supported by foreign fund inflows", open="83.30",
         lo="83.18", hi="83.32", didx="down 0.1 per cent", dval="104.12", brent="82.40"),
    dict(dir="down", chg="9", rate="83.30", day="Tuesday", why="weighed down by higher crude oil prices",
         open="83.24", lo="83.22", hi="83.34", didx="up 0.2 per cent", dval="104.33", brent="83.85"),
    dict(dir="up", chg="5", rate="83.25", day="Wednesday", why="as exporters sold dollars", open="83.29",
         lo="83.21", hi="83.31", didx="flat", dval="104.30", brent="83.10"),
    dict(dir="down", chg="18", rate="83.43", day="Thursday", why="as importers bought dollars at month-end",
         open="83.27", lo="83.26", hi="83.47", didx="up 0.3 per cent", dval="104.62", brent="84.20"),
]

# Independent reports of one event: same facts and figures, different agencies' words.
EVENTS = [
    ("e01", "2025-04-03", [
        ("PTI", "Kathmandu", "Nepal quake of magnitude 5.8 jolts western districts",
         "An earthquake of magnitude 5.8 struck western Nepal on Thursday, damaging more than 200 houses in Jajarkot and Rukum West districts, officials said.\n\n"
         "The National Earthquake Monitoring and Research Centre said the quake was recorded at 11.42 a.m. local time with its epicentre in Jajarkot.\n\n"
         "At least nine people were injured, and army helicopters were sent to ferry them to a hospital in Surkhet, a district official said."),
        ("IANS", "Kathmandu", "5.8 magnitude earthquake hits Nepal, 9 hurt",
         "Nine people were hurt and over 200 homes damaged when a 5.8-magnitude earthquake rocked Nepal's Jajarkot district on Thursday morning.\n\n"
         "Tremors were also felt in neighbouring Rukum West and as far as Surkhet, residents told local television channels.\n\n"
         "The Nepal Army deployed helicopters for rescue work, while the Home Ministry said teams were assessing the damage in remote villages, according to reports."),
    ]),
    ("e02", "2025-08-20", [
        ("REUTERS", "London", "Bank of England cuts rates to 4.5%",
         "The Bank of England cut interest rates by a quarter point to 4.5% on Wednesday, its second reduction this year, as inflation continued to cool.\n\n"
         "Policymakers voted 7-2 for the cut, with two members preferring to keep rates on hold, minutes of the meeting showed.\n\n"
         "Governor Andrew Bailey said future cuts would be gradual and careful, and investors trimmed bets on another reduction before November."),
        ("AFP", "London", "UK central bank lowers interest rate, signals caution",
         "Britain's central bank on Wednesday lowered its key interest rate to 4.5 percent from 4.75 percent, citing slowing price growth, but warned it would move cautiously.\n\n"
         "Seven of the nine members of the Monetary Policy Committee backed the decision while two wanted no change.\n\n"
         "\"We will take a gradual and careful approach,\" Bailey told reporters, as the pound edged lower against the dollar."),
    ]),
    ("e03", "2025-06-02", [
        ("PTI", "Bhopal", "Bus falls into gorge in MP, 12 killed",
         "Twelve people were killed and 28 injured when a private bus fell into a gorge in Madhya Pradesh's Sidhi district on Sunday night, police said.\n\n"
         "The bus, carrying about 45 passengers from a wedding, lost control on a hilly stretch near Churhat, Superintendent of Police Anil Shukla said.\n\n"
         "Chief Minister announced an ex-gratia of Rs 4 lakh each for the families of the deceased."),
        ("IANS", "Bhopal", "12 dead as wedding bus plunges into gorge in Sidhi",
         "At least 12 wedding guests died and 28 others were hurt after their bus plunged into a deep gorge in Sidhi district late Sunday.\n\n"
         "Police said the driver appears to have lost control while negotiating a sharp curve near Churhat; the injured have been admitted to the district hospital.\n\n"
         "The state government has announced compensation of Rs 4 lakh for the next of kin of each of the dead and ordered a magisterial inquiry."),
    ]),
    ("e04", "2025-10-14", [
        ("AP", "Stockholm", "Nobel economics prize goes to three for work on innovation",
         "Three economists won the Nobel memorial prize in economics on Tuesday for research on how innovation drives long-term growth, the Royal Swedish Academy of Sciences said.\n\n"
         "The laureates will share the prize of 11 million Swedish kronor, the academy said.\n\n"
         "Committee members said the work helped explain why some countries have grown rich while others have stagnated."),
        ("AFP", "Stockholm", "Trio awarded economics Nobel for innovation research",
         "The 2025 Nobel economics prize was awarded on Tuesday to a trio of researchers whose work examined the link between technological innovation and sustained growth.\n\n"
         "\"Their work shows that growth cannot be taken for granted,\" the head of the prize committee told a press conference in Stockholm.\n\n"
         "The prize, worth 11 million kronor, is the last of this year's Nobels to be announced."),
    ]),
]
