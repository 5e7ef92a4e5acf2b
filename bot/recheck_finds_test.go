package bot

// Finds of a follower re-check of the session of 2026-12-05 (15:59 UTC
// onward): close variations of its fixes, on the catalogs of
// followers_test.go and lead_test.go.

import (
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// TestRecheckPreviousEditionSaid届: 上一次呢 after 第八届进博会 is now the
// seventh fair, but 届 events are asked back as 上一届呢 (and voice's
// 嗯，那上一届呢。, 前一届呢): on the corpus each got no match after
// 第八届进博会, 第十五届全运会 and 第136届广交会 (old and new alike), where
// 第七届进博会今天闭幕 (xwlb-20241110-04) is the answer.
func TestRecheckPreviousEditionSaid届(t *testing.T) {
	today := time.Date(2026, 12, 5, 9, 0, 0, 0, chinaTime)
	for _, follow := range []string{"上一届呢", "嗯，那上一届呢。", "前一届呢"} {
		ask := asker(t, demoBotAt(t, catalogOf(numberedEvents()), today))
		ask("第八届进博会")
		r := ask(follow)
		if got := firstShown(r); !strings.HasPrefix(got, "https://example.com/jbh7") {
			t.Errorf("第八届进博会, then %s: %q, want the seventh fair (jbh7…):\n%s", follow, got, r.String())
		}
	}
}

// TestRecheckRecencyEventWordsBeyondKai: 最近开的国常会 now peels 开的 off
// its topic, but what followers say of a fair or a line is not peeled:
// 最近刚闭幕的进博会 lists 第七届进博会今天闭幕 (2024) first, above the eighth's
// (xwlb-20251110-07), and 最近开幕的服贸会 is headed 「开幕的服贸会」最新的文章 with
// 2024年服贸会开幕 first (the 2025 fair's xwlb-20250910-09 in the store).
func TestRecheckRecencyEventWordsBeyondKai(t *testing.T) {
	today := time.Date(2026, 12, 5, 9, 0, 0, 0, chinaTime)
	for _, text := range []string{"最近刚闭幕的进博会", "最近闭幕的进博会", "最近开幕的进博会"} {
		ask := asker(t, demoBotAt(t, catalogOf(numberedEvents()), today))
		r := ask(text)
		if got := firstShown(r); !strings.HasPrefix(got, "https://example.com/jbh8") {
			t.Errorf("%s: %q first, want the eighth (newest) fair (jbh8…):\n%s", text, got, r.String())
		}
		if strings.Contains(r.String(), "「开幕的") || strings.Contains(r.String(), "「闭幕的") || strings.Contains(r.String(), "「刚闭幕") {
			t.Errorf("%s: the event word kept in the topic:\n%s", text, r.String())
		}
	}
}

// reports is three years' government work reports and a meeting discussing one.
func reports() []content.Article {
	return []content.Article{
		articleOn("r2023", "2023-03-05", "2023年中华人民共和国国务院政府工作报告", "2023年3月5日在第十四届全国人民代表大会第一次会议上"),
		articleOn("r2024", "2024-03-05", "2024年中华人民共和国国务院政府工作报告", "2024年3月5日在第十四届全国人民代表大会第二次会议上"),
		articleOn("r2025", "2025-03-05", "2025年中华人民共和国国务院政府工作报告", "2025年3月5日在第十四届全国人民代表大会第三次会议上"),
		articleOn("pb2025", "2025-02-28", "中共中央政治局召开会议 讨论政府工作报告 中共中央总书记习近平主持会议", "中共中央政治局2月28日召开会议，讨论国务院拟提请第十四届全国人民代表大会第三次会议审议的《政府工作报告》稿。"),
	}
}

// TestRecheckPreviousOfAYearsReport: a year's report is numbered by its
// year: 2025年政府工作报告, then 上一次呢, gets a card on 中共中央政治局召开会议
// 讨论政府工作报告 (2025-02-28), old and new alike, where the 2024 report
// (doc-5bc940b9) is the one before.
func TestRecheckPreviousOfAYearsReport(t *testing.T) {
	today := time.Date(2026, 12, 5, 9, 0, 0, 0, chinaTime)
	ask := asker(t, demoBotAt(t, catalogOf(reports()), today))
	ask("2025年政府工作报告")
	r := ask("上一次呢")
	if got := firstShown(r); got != "https://example.com/r2024" {
		t.Errorf("2025年政府工作报告, then 上一次呢: %q, want the 2024 report:\n%s", got, r.String())
	}
}
