// Package app holds the go-app components of the browser workbench and its
// message catalogue (zh-CN by default, English one click away).
//
// Components are thin: the work (loading a file, scoring it) is done by
// plain Go methods of Workspace, which calls the engine (scoring/...) and
// is tested natively; the components only render a Workspace and forward
// events to it.
package app
