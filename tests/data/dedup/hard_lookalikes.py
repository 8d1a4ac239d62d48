"""Look-alikes for the HARD dedup labelled set (see make_hard.py): templated daily reports
that differ in one or two figures and the day, and press releases of one company that share
long boilerplate but carry different news. All invented.
"""

# name, template, rows (each row: the day's values; "day" and "date" are filled in by make_hard.py)
TEMPLATES = {
    "gold": (
        "New Delhi, {date} (PTI) Gold prices in the national capital {dir} Rs {chg} to Rs {price} per 10 grams on {day}, according to the All India Sarafa Association.\n\n"
        "Silver, however, remained unchanged at Rs 86,200 per kilogram.\n\n"
        "\"Gold prices traded {trend} on the back of global cues and buying by local jewellers ahead of the wedding season,\" a senior commodity analyst at a Mumbai brokerage said.\n\n"
        "In the global markets, Comex gold futures traded at USD 2,341.50 per ounce in New York.",
        [dict(dir="rose", chg="150", price="72,450", trend="higher"),
         dict(dir="rose", chg="150", price="72,600", trend="higher"),
         dict(dir="fell", chg="200", price="72,400", trend="lower")]),
    "fuel": (
        "New Delhi, {date} (IANS) Petrol and diesel prices remained unchanged across the country on {day}, according to a price notification of state-owned fuel retailers.\n\n"
        "In Delhi, petrol is priced at Rs 94.72 per litre and diesel at Rs 87.62 per litre.\n\n"
        "In Mumbai, petrol costs Rs 104.21 per litre and diesel Rs 92.15 per litre, while in Chennai petrol is sold at Rs {chennai} and diesel at Rs 92.34.\n\n"
        "Fuel prices vary from state to state depending on local taxes such as value added tax and freight charges.\n\n"
        "Oil marketing companies revise prices daily at 6 am in line with international benchmark rates and foreign exchange rates.",
        [dict(chennai="100.75"), dict(chennai="100.75"), dict(chennai="100.80")]),
    "weather": (
        "New Delhi, {date} (PTI) Delhi recorded a minimum temperature of {tmin} degrees Celsius on {day}, {notches} notches below the season's average, the India Meteorological Department said.\n\n"
        "The maximum temperature is expected to settle around 22 degrees Celsius.\n\n"
        "The relative humidity at 8.30 am was 94 per cent.\n\n"
        "The IMD has forecast shallow fog in the morning and a mainly clear sky later in the day.\n\n"
        "The air quality index stood at {aqi} at 9 am, in the 'very poor' category, according to Central Pollution Control Board data.",
        [dict(tmin="8.4", notches="1.2", aqi="312"),
         dict(tmin="7.9", notches="1.7", aqi="312"),
         dict(tmin="8.1", notches="1.5", aqi="334")]),
    "forex": (
        "Mumbai, {date} (PTI) The rupee {dir} {paise} paise to {rate} against the US dollar in early trade on {day}, as forex traders tracked the American currency overseas and foreign fund flows.\n\n"
        "At the interbank foreign exchange, the rupee opened at {open} against the dollar.\n\n"
        "\"The rupee is likely to trade in a narrow range as importers' dollar demand is offset by inflows,\" a treasury head at a private bank said.\n\n"
        "The dollar index, which gauges the greenback's strength against a basket of six currencies, was trading at 104.21.\n\n"
        "Brent crude futures, the global oil benchmark, were at USD 82.46 per barrel.",
        [dict(dir="rose", paise="8", rate="83.42", open="83.45"),
         dict(dir="fell", paise="5", rate="83.47", open="83.45"),
         dict(dir="rose", paise="3", rate="83.44", open="83.46")]),
    "market": (
        "Mumbai, {date} (IANS) The Sensex {dir} {pts} points to close at {close} on {day}, while the Nifty ended at {nifty}, as investors {mood} in banking and IT stocks.\n\n"
        "\"Markets are likely to remain range-bound ahead of the quarterly earnings season and global cues will drive the trend,\" said Vinod Nair, head of research at Geojit Financial Services.\n\n"
        "In the broader market, the BSE midcap and smallcap indices moved in line with the benchmarks.\n\n"
        "Foreign institutional investors were net sellers in the previous session, according to exchange data.",
        [dict(dir="rose", pts="212", close="74,314", nifty="22,571", mood="bought"),
         dict(dir="fell", pts="96", close="74,218", nifty="22,540", mood="booked profits"),
         dict(dir="rose", pts="301", close="74,519", nifty="22,633", mood="bought")]),
    "lottery": (
        "Thiruvananthapuram, {date} (IANS) The Kerala State Lottery Department on {day} announced the results of the Karunya Plus KN-{draw} lottery, with the first prize of Rs 80 lakh going to ticket number {t1}.\n\n"
        "The second prize of Rs 10 lakh went to ticket number {t2}, while the third prize of Rs 1 lakh was won by tickets ending in the series printed in the official gazette.\n\n"
        "The draw was held at Gorky Bhavan near Bakery Junction at 3 pm.\n\n"
        "Winners must surrender their tickets with identity proof at a lottery office within 30 days to claim the prize money.",
        [dict(draw="571", t1="PN 428135", t2="PO 117602"),
         dict(draw="572", t1="PR 390214", t2="PP 508831"),
         dict(draw="573", t1="PS 662410", t2="PT 204977")]),
    "match": (
        "Rajkot, {date} (PTI) {win} beat {lose} by {margin} in their Ranji Trophy Elite Group C match on {day}, the final day of the four-day game.\n\n"
        "Set a target of {target}, {chaser} were bowled out for {allout} in their second innings.\n\n"
        "Left-arm spinner {star} took {wkts} wickets for the winners.\n\n"
        "Brief scores: {win} {s1} and {s2}; {lose} {s3} and {s4}.",
        [dict(win="Saurashtra", lose="Tamil Nadu", margin="87 runs", target="298", chaser="Tamil Nadu", allout="210",
              star="Dharmendrasinh Jadeja", wkts="six", s1="312", s2="221", s3="235", s4="210"),
         dict(win="Saurashtra", lose="Assam", margin="112 runs", target="305", chaser="Assam", allout="192",
              star="Dharmendrasinh Jadeja", wkts="seven", s1="288", s2="240", s3="224", s4="192")]),
}

PR_COMPANIES = {
    "suryodaya": dict(
        place="Mumbai", wire="PRNewswire",
        boiler=[
            "About Suryodaya Renewables Limited\n\nSuryodaya Renewables Limited (NSE: SURYO, BSE: 544118) is one of India's leading independent power producers, with an operational renewable energy portfolio of 6.4 GW across solar, wind and hybrid projects in 11 states. The company develops, builds, owns and operates utility-scale power plants and sells electricity under long-term agreements to central and state utilities and commercial and industrial customers. Suryodaya is committed to reaching net zero across its operations by 2040 and has been rated among the top three Indian power companies for environmental, social and governance performance. For more information, visit www.suryodayarenewables.example.",
            "Forward-Looking Statements\n\nThis press release contains forward-looking statements, which may be identified by words such as 'expects', 'anticipates', 'intends', 'plans', 'believes', 'seeks', 'should' or 'will'. Such statements are based on management's current expectations and are subject to risks and uncertainties, including regulatory changes, delays in land acquisition and grid connectivity, fluctuations in module prices and interest rates, and the ability of counterparties to meet their payment obligations. Actual results may differ materially from those expressed or implied. The company undertakes no obligation to update any forward-looking statement to reflect events after the date of this release.",
            "Media Contacts\n\nPriya Menon, Head of Corporate Communications, Suryodaya Renewables Limited, media@suryodayarenewables.example, +91 22 4000 1234\n\nRahul Gokhale, Investor Relations, ir@suryodayarenewables.example",
        ],
        news=[
            ("2025-09-04", "Suryodaya Renewables commissions 300 MW solar plant in Bikaner",
             "Suryodaya Renewables Limited today announced the commissioning of a 300 MW solar power plant in Bikaner, Rajasthan, taking its operational capacity to 6.4 GW. The plant will supply power to Solar Energy Corporation of India under a 25-year agreement at a tariff of Rs 2.52 per unit.\n\n\"Bikaner is our largest single-site project and was completed two months ahead of schedule,\" said Managing Director Anil Kapoor."),
            ("2025-10-28", "Suryodaya Renewables Q2 revenue rises 18 per cent",
             "Suryodaya Renewables Limited today reported revenue of Rs 2,140 crore for the quarter ended September 30, up 18 per cent from a year earlier, and net profit of Rs 312 crore, up 24 per cent. Capacity utilisation for the solar fleet was 26.1 per cent.\n\n\"Higher generation and new capacity drove a strong quarter,\" said Chief Financial Officer Meera Iyer."),
            ("2025-11-17", "Suryodaya Renewables appoints Vikram Sethi as chief financial officer",
             "Suryodaya Renewables Limited today announced the appointment of Vikram Sethi as Chief Financial Officer with effect from December 1, succeeding Meera Iyer, who will retire after 11 years with the company. Sethi was previously treasurer at a large Indian conglomerate.\n\n\"Vikram brings deep experience of raising long-term capital for infrastructure,\" said Managing Director Anil Kapoor."),
            ("2025-12-09", "Suryodaya Renewables wins 500 MW hybrid project",
             "Suryodaya Renewables Limited today said it had won a 500 MW wind-solar hybrid project in an auction conducted by NTPC, at a tariff of Rs 3.18 per unit. The project, to be built in Karnataka and Andhra Pradesh, will be commissioned within 24 months.\n\n\"This win takes our contracted pipeline to 4.1 GW,\" said Managing Director Anil Kapoor."),
        ]),
    "medivance": dict(
        place="Hyderabad", wire="BusinessWire India",
        boiler=[
            "About Medivance Pharma Limited\n\nMedivance Pharma Limited (NSE: MEDIV) is a Hyderabad-headquartered pharmaceutical company that develops, manufactures and markets generic and specialty medicines in more than 60 countries. The company operates nine manufacturing facilities approved by the US Food and Drug Administration, the European Medicines Agency and other regulators, and a research centre employing more than 900 scientists. Medivance's portfolio covers oncology, cardiology, diabetes and central nervous system therapies. Learn more at www.medivance.example.",
            "Safe Harbour Statement\n\nCertain statements in this release concerning our future growth prospects are forward-looking statements, which involve a number of risks and uncertainties that could cause actual results to differ materially from those in such forward-looking statements. The risks and uncertainties relating to these statements include, but are not limited to, regulatory approvals, pricing pressure in the United States generics market, litigation, currency fluctuations and the outcome of clinical trials. Medivance does not undertake to update any forward-looking statements that may be made from time to time by or on behalf of the company.",
            "For further information, please contact: Corporate Communications, Medivance Pharma Limited, communications@medivance.example, +91 40 6600 7788",
        ],
        news=[
            ("2025-03-12", "Medivance receives USFDA approval for generic apixaban",
             "Medivance Pharma Limited today announced that it has received final approval from the US Food and Drug Administration for its generic version of apixaban tablets in 2.5 mg and 5 mg strengths. The product will be manufactured at the company's Visakhapatnam facility.\n\nAccording to IQVIA data, the US market for the drug was worth about USD 1.2 billion in the 12 months to January."),
            ("2025-06-30", "Medivance to acquire injectables plant in Portugal",
             "Medivance Pharma Limited today announced a definitive agreement to acquire a sterile injectables manufacturing plant near Lisbon, Portugal, for EUR 85 million. The plant employs 320 people and supplies hospitals in 14 European countries.\n\n\"The acquisition gives us a European manufacturing base for complex injectables,\" said Chief Executive Officer Kiran Reddy."),
            ("2025-10-23", "Medivance Q2 net profit up 11 per cent",
             "Medivance Pharma Limited today reported consolidated net profit of Rs 486 crore for the quarter ended September 30, up 11 per cent from a year earlier, on revenue of Rs 3,920 crore, up 9 per cent. North America sales rose 14 per cent to USD 182 million.\n\n\"Our new launches in the US and steady growth in India drove the quarter,\" said Chief Executive Officer Kiran Reddy."),
        ]),
}
