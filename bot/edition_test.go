package bot

import "testing"

func TestPreviousEdition(t *testing.T) {
	for _, c := range []struct{ question, want string }{
		{"第八届进博会", "第七届进博会"},
		{"二十届四中全会公报", "二十届三中全会公报"},
		{"第46次委员长会议", "第45次委员长会议"},
		{"第四十六次委员长会议", "第四十五次委员长会议"},
		{"十四届全国人大常委会第二十次会议", "十四届全国人大常委会第十九次会议"},
		{"第136届广交会", "第135届广交会"},
		{"二十届五中全会", "二十届四中全会"},
		{"第二十届", "第十九届"},
		{"2025年政治局会议", ""}, // the meeting before may be of 2025 too
		{"2025年政府工作报告", "2024年政府工作报告"},
		{"2025年两会政府工作报告全文", "2024年两会政府工作报告全文"},
		{"第一届进博会", ""}, // the first has none before
		{"一中全会", ""},
		{"国常会", ""},
		{"十十届", ""},
		{"三年行动", ""}, // a span of years, no edition
	} {
		got, ok := previousEdition(c.question)
		if ok != (c.want != "") || got != c.want {
			t.Errorf("previousEdition(%s) = %q %v, want %q", c.question, got, ok, c.want)
		}
	}
	for n := 1; n <= 99; n++ {
		if got := hanDay(hanOf(n)); got != n {
			t.Errorf("hanDay(hanOf(%d) = %s) = %d", n, hanOf(n), got)
		}
	}
}

// FuzzPreviousEdition: whatever the question, previousEdition does not
// panic, and changes only an edition's number, to a smaller one.
func FuzzPreviousEdition(f *testing.F) {
	for _, s := range []string{"第八届进博会", "二十届四中全会公报", "第46次委员长会议", "第100届", "十十届", "第一届", "九十九届", "\xff届"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, question string) {
		prev, ok := previousEdition(question)
		if !ok {
			return
		}
		if len(prev) > len(question)+len("十") || prev == question {
			t.Errorf("previousEdition(%q) = %q", question, prev)
		}
		if again, ok := previousEdition(prev); ok && again == prev {
			t.Errorf("previousEdition(%q) = %q, then itself", question, prev)
		}
	})
}
