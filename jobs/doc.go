// Package jobs runs mpbot's scheduled work, such as the daily reading
// (每日一读). It uses content and never bot or the WeChat adapter; main wires
// a sender in.
package jobs
