"""A document's language decided by its words (crawler.core.language.judge_document): a
language langdetect has no profile for is not English, an English article quoting a long
foreign passage is English, a script langdetect cannot read names its language."""

from crawler.core.foreign_lines import foreign_kind
from crawler.core.language import detect_document, judge_document
from crawler.core.options import Options
from crawler.core.pipeline import process_page

# Irish (no langdetect profile: it reads Irish as English), Finnish, Burmese (no n-grams),
# Cherokee (a script no table names): written for these tests.
IRISH = [
    "Tá an rialtas ag iarraidh rialacha nua a chur i bhfeidhm ar chomhlachtaí a úsáideann "
    "intleacht shaorga ina gcuid seirbhísí.",
    "Dúirt an tAire inné go mbeidh ar gach comhlacht tuairisc a fhoilsiú gach bliain faoi na "
    "sonraí a úsáidtear chun na córais a thraenáil.",
    "Níl na comhlachtaí móra sásta leis an bplean, agus deir siad go gcuirfidh sé moill ar an "
    "nuálaíocht agus ar an bhfostaíocht sa tír.",
    "Beidh díospóireacht faoin mbille sa Dáil an tseachtain seo chugainn, agus táthar ag súil go "
    "mbeidh vóta ann roimh an Nollaig.",
    "Deir lucht acadúil gur céim mhaith é an bille, ach go bhfuil gá le níos mó airgid don "
    "rialálaí nua má tá sé le bheith éifeachtach.",
]
FINNISH_QUOTE = (
    "Tekoälyn sääntely on tärkeää, mutta sen pitää olla järkevää ja ennustettavaa. Emme halua, "
    "että pienet yritykset joutuvat maksamaan kohtuuttomia kustannuksia, koska ne eivät pysty "
    "kilpailemaan suurten yhtiöiden kanssa. Hallitus valmistelee uutta lakia, joka tulee voimaan "
    "ensi vuonna, ja se koskee kaikkia yrityksiä, jotka käyttävät kielimalleja "
    "asiakaspalvelussa tai henkilöstöhallinnossa. Lisäksi tietosuojavaltuutetun toimiston on "
    "saatava enemmän resursseja valvontaan."
)
ENGLISH = [
    "Finland's government published draft rules on Tuesday for companies that use language "
    "models in customer service.",
    "The draft would require firms to keep records of their training data and to tell "
    "customers when they are talking to a machine.",
    "Small companies welcomed the clarity but warned about the cost of compliance.",
    "The minister told reporters:",
    FINNISH_QUOTE,
    "The bill will be debated in parliament next month.",
]
BURMESE = [
    "ဉာဏ်ရည်တုနည်းပညာကို အသုံးပြုသော ကုမ္ပဏီများအတွက် အစိုးရက စည်းမျဉ်းအသစ်များကို ထုတ်ပြန်ခဲ့သည်။",
    "ကုမ္ပဏီတိုင်းသည် နှစ်စဉ် အစီရင်ခံစာတစ်စောင်ကို ထုတ်ဝေရမည်ဖြစ်ပြီး လေ့ကျင့်ရေးဒေတာအကြောင်းကို ရှင်းပြရမည်။",
    "စီးပွားရေးလုပ်ငန်းငယ်များက စရိတ်စကများ မြင့်တက်လာမည်ကို စိုးရိမ်ကြောင်း ပြောကြားခဲ့သည်။",
]
CHEROKEE = "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏂᏴᏫ ᏧᏂᎸᏫᏍᏓᏁᏗ ᎤᎾᏕᎶᏆᏍᏗ ᎪᏪᎵ ᏗᎪᏪᎵᏍᏗ ᎠᏍᏆᏂᎪᏗ "


def page(headline: str, paragraphs: list[str], lang: str = "en") -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f'<html lang="{lang}"><head><title>{headline}</title></head><body>'
        f'<nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>'
        f"<article><h1>{headline}</h1>{body}</article>"
        "<footer>Copyright 2026 The Ledger</footer></body></html>"
    ).encode()


def test_a_language_without_a_profile_is_not_english():
    """langdetect calls Irish English; its lines are foreign by their words, and they are
    most of the document: a foreign document, not the English lines it quotes."""
    text = "\n".join(["Ireland plans new rules for AI companies", *IRISH])
    assert detect_document(text).language == "en"  # the first opinion, and why it is checked
    decided = judge_document(text)
    assert decided.guess.foreign and decided.guess.language != "en"
    assert decided.lines is None  # nothing is stripped from a foreign document


def test_an_english_standfirst_over_a_foreign_body_is_a_non_english_reject():
    """It was an "English" record of its headline and standfirst, or too_short without its
    record."""
    standfirst = "The minister said the bill would be debated next week in parliament."
    body = page("Ireland plans new rules for AI companies", [standfirst, *IRISH])
    outcome = process_page(body, "https://ledger.example/ga/1")
    assert outcome.reason == "non_english", outcome
    assert "non_english" in outcome.rejected_record["flags"]
    kept = process_page(body, "https://ledger.example/ga/1", options=Options(languages=()))
    assert "non_english" in kept.record.flags and "bhfeidhm" in kept.record.text


def test_an_english_article_quoting_a_long_foreign_passage_is_english():
    """Under 15 % English function words, langdetect decided and named the quote's
    language: the article was a non_english reject."""
    text = "\n".join(ENGLISH)
    assert detect_document(text).language == "fi"
    decided = judge_document(text)
    assert decided.guess.language == "en"
    assert decided.lines == [line for line in ENGLISH if line != FINNISH_QUOTE]
    assert decided.removed == {"foreign_language": 1}
    outcome = process_page(
        page("Finland drafts rules for chatbots", ENGLISH), "https://x.example/fi"
    )
    assert outcome.accepted and "tärkeää" not in outcome.record.text


def test_a_script_langdetect_cannot_read_names_its_language():
    """Burmese was "und" (langdetect raises on it): language_undetermined, and not flagged
    non_english when every language is kept."""
    text = "\n".join(BURMESE * 2)
    assert judge_document(text).guess.language == "my"
    outcome = process_page(page("AI rules", BURMESE * 2, "my"), "https://x.example/my")
    assert (outcome.reason, outcome.rejected_record["language"]) == ("non_english", "my")
    unnamed = judge_document(CHEROKEE * 8).guess
    assert (unnamed.language, unnamed.foreign) == ("und", True)
    outcome = process_page(page("AI rules", [CHEROKEE * 8]), "https://x.example/chr")
    assert outcome.reason == "non_english" and "no profile" in outcome.detail
    assert "language_undetermined" not in outcome.rejected_record["flags"]


def test_a_chinese_sentence_with_english_terms_in_it_is_foreign():
    """Each Han letter counted as one Latin letter: the English terms outweighed the
    Chinese and the sentence stayed in an English record."""
    line = "我们在 large language model 的 inference 成本上做了很多优化工作"
    assert foreign_kind(line) == "foreign_script"
    assert foreign_kind("The Chinese term 人工智能 means artificial intelligence here.") is None


def test_a_text_of_code_only_keeps_the_first_opinion():
    """No line of words outside the page's code: nothing to weigh (it divided by zero, or
    called an English page of code undetermined)."""
    code = [
        "for the_item in the_list: print(the_item, 'and', 'the', 'with', 'from', 'that')",
        "with open(the_path) as the_file: the_text = the_file.read()  # and the rest",
        "return [the_word for the_word in the_text.split() if the_word and the_word != 'the']",
    ]
    text = "\n".join(code)
    first = detect_document(text)
    decided = judge_document(text, code=frozenset(code))
    assert decided.guess == first
    assert decided.lines == (code if first.language == "en" else None)


def test_a_burmese_article_quoting_english_lines_is_burmese():
    """The review: a Burmese line's vowel signs were subtracted as letters, its weight went
    below zero, and ten English lines outweighed two hundred Burmese ones."""
    english = [line for line in ENGLISH if line != FINNISH_QUOTE] * 2
    decided = judge_document("\n".join(english + BURMESE * 60))
    assert decided.guess.language == "my" and decided.lines is None
