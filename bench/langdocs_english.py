"""English text for the document-level language set (bench/langdocs.py): AI-news
paragraphs, titles, standfirsts, technical terms, quotes and a code block, written for this
project (not taken from any package or corpus). The set mixes them into pages around foreign
text, and builds the English control pages from them alone."""

# Plain English paragraphs: the English controls, and the English half of mixed pages.
PARAGRAPHS = (
    "A startup based in Lisbon said on Monday that it had raised $40 million to build speech "
    "models for call centres, betting that companies will pay more for systems that can handle "
    "heavy accents and poor phone lines than for general chatbots.",
    "The new model was trained on roughly twice as much licensed text as its predecessor, "
    "according to the technical report, and the team claims it makes fewer arithmetic mistakes. "
    "Independent testers have not yet had a chance to verify those numbers.",
    "Several universities have quietly changed their exam rules after staff noticed that "
    "take-home essays were getting longer, smoother and strangely similar. Most now ask "
    "students to explain their work aloud before a grade is final.",
    "Cloud providers are rationing their newest accelerators, and smaller labs say they are "
    "being pushed to the back of the queue. One research director told us her group had been "
    "waiting since March for hardware that was promised within weeks.",
    "The regulator's draft guidance asks developers to keep records of the data used to train "
    "large systems and to publish a short summary that ordinary users can understand. Industry "
    "groups called the proposal workable but vague.",
    "In a post on its engineering blog, the company explained that the assistant now checks its "
    "own answers against a search index before replying. Engineers said the change reduced "
    "invented citations but made responses about a second slower.",
    "Farmers in the region have started using camera traps and a small vision model to count "
    "pests on their crops, which lets them spray only the fields that need it. The pilot cut "
    "pesticide use by about a fifth last season.",
    "Critics argue that the benchmark rewards memorization more than reasoning, because many of "
    "its questions can be found almost word for word on public forums. The authors have "
    "promised a refreshed version with held-out problems.",
    "The hospital network will use the transcription tool in outpatient clinics from next "
    "month. Doctors can review and edit each note before it is saved, and patients may ask for "
    "the recording to be deleted at any time.",
    "Shares in the chip designer rose sharply after it reported quarterly revenue well above "
    "analysts' forecasts, driven by orders from data-centre operators. Executives warned, "
    "however, that supply constraints would limit growth until next year.",
    "Open-source developers have released a compact model that runs on a laptop without a "
    "dedicated graphics card. It is not as capable as the largest commercial systems, but it is "
    "good enough for summarizing documents and drafting email.",
    "The city council voted to pause the use of facial recognition by local police until an "
    "independent audit is complete. Council members cited concerns about error rates and the "
    "lack of a clear process for challenging a match.",
    "Translators say the tools have changed their work rather than replaced it: they now spend "
    "more time editing machine output and less time drafting from scratch. Rates for that kind "
    "of editing have fallen, several of them told us.",
    "The lawsuit claims that the company copied millions of news articles without permission to "
    "train its systems. The company says its use of the material is lawful and that it offers "
    "publishers a way to opt out of future training runs.",
    "Robotics firms are increasingly pairing language models with motion planners, so that a "
    "warehouse robot can be told in plain words to move the blue boxes to the loading bay. "
    "Reliability, engineers admit, is still the hardest part.",
    "Energy use is becoming a political issue. Local residents near a planned data centre have "
    "asked for guarantees that the facility will not raise electricity prices or strain the "
    "water supply during dry summers.",
)

# English heavy with foreign names, package names and code: the controls nearest the cliff.
NAMES_CODE = (
    "Yann LeCun, Fei-Fei Li and Jürgen Schmidhuber spoke on the same panel in Zürich, alongside "
    "executives from Mistral AI, Aleph Alpha, Sakana AI and Zhipu. Moderator Oriol Vinyals "
    "asked each of them when the next big jump would come.",
    "The release notes list contributors including Björn Ólafsson, Łukasz Kaiser, Nguyễn Văn "
    "An, Søren Kierkegaard Jensen and Giuseppe Verdi Rossi, along with teams at ETH Zürich, "
    "Université de Montréal, KAIST and Tsinghua.",
    'To try it, run pip install tinyllm==0.4.2 and then call tinyllm.load("tiny-7b-instruct", '
    'device="cpu"). The maintainers recommend setting OMP_NUM_THREADS=4 on laptops and passing '
    "max_new_tokens=256 for short answers.",
    "The benchmark compares Llama 3.1 8B, Qwen2.5-7B, Gemma 2 9B, Mistral Nemo, Phi-3.5-mini "
    "and DeepSeek-V2-Lite on MMLU, GSM8K, HumanEval and ARC-Challenge, using lm-eval-harness "
    "v0.4.3 with the default few-shot settings.",
    "Speakers at the Paris summit included Arthur Mensch, Clément Delangue, Thomas Wolf, Joëlle "
    "Pineau and Cédric O, while delegations from São Paulo, Kraków, Düsseldorf and Reykjavík "
    "discussed funding for public compute.",
)

CODE_BLOCK = """from tinyllm import load

model = load("tiny-7b-instruct", device="cpu")
for prompt in ["Summarize this:", "Translate:"]:
    out = model.generate(prompt, max_new_tokens=256, temperature=0.2)
    print(out.text)
"""

# English headlines and standfirsts put over foreign bodies.
TITLES = (
    "New open model beats rivals on coding tests",
    "Regulators set out rules for AI training data",
    "Startup raises $40 million for speech AI",
    "Chip shortage slows smaller AI labs",
    "Hospitals adopt AI note-taking tools",
    "Researchers question popular AI benchmark",
)

SUMMARIES = (
    "A European lab has released an open-weights model that it says matches much larger systems "
    "on programming benchmarks. Our correspondent reports on what the release means for "
    "developers and for the companies that sell access to closed models.",
    "The draft rules would require developers to document the data they train on and publish "
    "plain-language summaries. Here is what the proposal says and how industry groups have "
    "reacted so far.",
    "Investors are betting that specialized speech systems can win customers that general "
    "chatbots have struggled to keep. The company plans to hire forty engineers this year.",
)

# Inserted into foreign paragraphs: the English a foreign tech article keeps.
TECH_TERMS = (
    "large language model",
    "fine-tuning",
    "open-source",
    "benchmark",
    "GPU cluster",
    "machine learning pipeline",
    "API",
    "prompt engineering",
    "inference costs",
    "transformer architecture",
    "training data",
    "retrieval-augmented generation",
)

QUOTES = (
    "“We are shipping this to every customer by the end of the quarter,” the CEO said.",
    "“The model is not perfect, but it is good enough for production,” one engineer wrote.",
    "“Open weights change the economics of the whole industry,” an analyst said.",
)
