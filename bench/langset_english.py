"""English text written for the language dev set (bench/langset.py): AI-news paragraphs and
the interface lines a news page keeps around its article. Written for this project; the
builder adds English paragraphs and interface strings from the same packages' catalogues
and Python's own docstrings, so the set is not only one writer's style."""

PARAGRAPHS = (
    "The company said on Tuesday that its newest model can read a 300-page contract and "
    "answer questions about it in under a minute, a task that took its previous system "
    "several times as long. Early customers include two insurance groups and a regional bank.",
    "Researchers at the lab trained the system on a mix of public code, textbooks and "
    "synthetic problems written by an earlier model. They say the approach cut training "
    "costs by roughly a third, although outside experts cautioned that the figures have not "
    "been independently checked.",
    "Regulators in Brussels have asked the firm to explain how it filters personal data out "
    "of its training sets. A spokesperson said the company would cooperate fully and that it "
    "already removes names, addresses and phone numbers before any text is used.",
    "Chipmakers are racing to meet demand for accelerators, and the shortage has pushed some "
    "startups to rent capacity by the hour from cloud providers. One founder told us his team "
    "waited eleven weeks for a cluster that was promised in two.",
    "The open-weights release comes with a license that allows commercial use but forbids "
    "deploying the model in weapons systems or for mass surveillance. Lawyers we spoke to "
    "were divided on whether such terms can be enforced at all.",
    "In a blog post, the team described how the assistant breaks a request into smaller "
    "steps, checks each intermediate result and asks the user for clarification when it is "
    "unsure. The feature will reach paying subscribers first, with a wider rollout planned "
    "for the spring.",
    "Hospitals that tested the triage tool reported shorter waiting times, but nurses said "
    "the software sometimes flagged routine cases as urgent. The vendor has promised an "
    "update that lets staff correct its suggestions directly from the ward terminal.",
    "Benchmarks remain a sore point. Several groups have shown that popular test sets leak "
    "into training data scraped from the web, which inflates scores and makes comparisons "
    "between models far less meaningful than headline numbers suggest.",
    "The acquisition, valued at about $1.2 billion, gives the buyer a team of eighty "
    "engineers who specialize in speech recognition for noisy environments such as "
    "factories, warehouses and construction sites.",
    "Teachers have mixed feelings about chatbots in the classroom. Some use them to draft "
    "quizzes and lesson plans, while others worry that students now hand in essays they "
    "did not write and cannot explain.",
    "According to the filing, the startup lost more money last year than it earned in "
    "revenue, largely because of the cost of computing power. Investors appear undeterred: "
    "the latest funding round was oversubscribed within days.",
    "The new robot arm learns a task from a handful of demonstrations rather than thousands. "
    "In one video it folds towels, stacks dishes and sorts screws by size after watching a "
    "person do each job only a few times.",
    "Privacy advocates warned that the glasses, which can describe what the wearer sees, "
    "could also identify strangers in the street. The manufacturer said face recognition is "
    "switched off by default and cannot be enabled by third-party apps.",
    "Energy use is becoming a political issue. A single large training run can consume as "
    "much electricity as a small town uses in a year, and several data center projects have "
    "been delayed while local utilities upgrade their grids.",
    "The paper argues that smaller models fine-tuned on carefully chosen examples can match "
    "much larger ones on narrow tasks such as extracting dates from invoices or classifying "
    "customer complaints, at a fraction of the running cost.",
    "Musicians have filed a lawsuit claiming that the song generator reproduces melodies and "
    "lyrics from their recordings. The company denies the claim and says its system was "
    "trained only on licensed material and works in the public domain.",
    "Translation tools have improved quickly, but they still stumble over idioms, jokes and "
    "legal language. Professional translators increasingly work as editors, correcting "
    "machine drafts instead of starting from a blank page.",
    "The agency will require developers of the most capable systems to report safety tests "
    "before release. Critics say the threshold, defined by the amount of computation used in "
    "training, is already out of date.",
    "Security researchers showed that hidden instructions placed in a web page can trick a "
    "browsing assistant into leaking a user's emails. The vendor patched the flaw within a "
    "week and thanked the researchers for reporting it responsibly.",
    "For farmers, the appeal is practical: cameras mounted on tractors spot weeds and spray "
    "only where needed, which the maker says reduces herbicide use by up to ninety percent "
    "in field trials across three growing seasons.",
    "The chief executive told analysts that the company expects to double its spending on "
    "infrastructure next year. Shares fell four percent in after-hours trading as investors "
    "weighed the cost against slower growth in advertising.",
    "Weather forecasters are testing models that produce a ten-day forecast in about a "
    "minute on a single machine, compared with hours on a supercomputer. So far the results "
    "are comparable for temperature but weaker for heavy rainfall.",
    "A coalition of newspapers has signed licensing deals that let the developer use their "
    "archives for training and show short summaries with links back to the original "
    "articles. Financial terms were not disclosed.",
    "The coding assistant now runs tests before proposing a change and explains why each "
    "edit is needed. Developers in the preview said the explanations were useful, though the "
    "tool still struggles with large, unfamiliar codebases.",
    "Despite the excitement, adoption inside large companies has been slower than vendors "
    "predicted. Surveys suggest that most firms are still running pilots, held back by "
    "concerns about accuracy, cost and who is liable when the software gets it wrong.",
    "The drug candidate was identified by a model that screened millions of molecules "
    "against a protein linked to the disease. It has entered an early clinical trial, and "
    "results are expected late next year.",
    "Voice cloning has become cheap enough that scammers use it to impersonate relatives on "
    "the phone. Banks are advising customers to agree on a family password and to hang up "
    "and call back when a request sounds urgent.",
    "The team released the dataset along with the evaluation code, so that other groups can "
    "reproduce the results. They also published a list of known errors in the labels, which "
    "they plan to correct in a second version.",
    "Cities are experimenting with systems that adjust traffic lights based on live video "
    "feeds. Early numbers from one pilot show a modest drop in waiting times at busy "
    "junctions during the evening rush hour.",
    "Asked whether the technology will replace jobs, the minister said it would change most "
    "of them and eliminate some, and that the government would fund retraining programs "
    "for workers in the sectors most affected.",
)

# Lines a news page keeps around its article: sharing, navigation, captions, bylines.
UI_LINES = (
    "Share this article", "Share on LinkedIn", "Copy link", "Sign up for our newsletter",
    "Subscribe", "Read more", "Related stories", "More from this author", "Most popular",
    "Advertisement", "Comments", "Leave a comment", "Log in to comment", "Show comments",
    "Photo: Getty Images", "Image credit: the company", "Updated 2 hours ago", "5 min read",
    "Listen to this article", "Back to top", "Next article", "Previous article", "Home",
    "Latest news", "Artificial intelligence", "Machine learning", "Editor's pick",
    "Sponsored content", "Terms of use", "Privacy policy", "Contact us", "About us",
    "Careers", "All rights reserved", "Follow us", "Download the app", "Open in app",
    "Save for later", "Print", "Email", "Report an error", "Topics", "Tags", "Sam Altman",
    "By Maria Chen", "Staff writer", "Senior reporter", "Filed under: Policy",
    "Posted in Research", "Trending now", "Don't miss", "Watch the video", "Podcast",
    "See all", "Load more", "Show more", "Close", "Menu", "Search", "Sign in", "Register",
    "Accept", "Settings", "Manage preferences", "Continue reading", "Join the discussion",
    "Recommended for you", "Top stories", "Breaking", "Opinion", "Analysis", "Explainer",
    "Newsletter", "Events", "Webinars", "Reviews", "Guides", "Deals", "Jobs",
)  # fmt: skip
