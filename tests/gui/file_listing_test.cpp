// The file browser's GL-free logic (file_listing.hpp) on a temporary folder of files and folders:
// what is listed, in which order, extension matching, path segments and the chosen path. The
// expected lists are written out by hand.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "file_listing.hpp"

namespace {

namespace fs = std::filesystem;
using lv::app::DirectoryEntry;

// A fresh folder under /tmp, removed when the test ends.
struct TemporaryFolder {
  fs::path path;
  explicit TemporaryFolder(const std::string& name)
      : path(fs::temp_directory_path() /
             ("lossviz-listing-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TemporaryFolder() {
    std::error_code error;
    fs::permissions(path / "locked", fs::perms::owner_all, error);
    fs::remove_all(path, error);
  }
  void file(const std::string& name) const { std::ofstream(path / name) << "x"; }
  void folder(const std::string& name) const { fs::create_directories(path / name); }
};

std::vector<std::string> names(const lv::app::DirectoryListing& listing) {
  std::vector<std::string> result;
  for (const DirectoryEntry& entry : listing.entries)
    result.push_back(entry.name + (entry.is_directory ? "/" : ""));
  return result;
}

}  // namespace

TEST_CASE("a folder lists its folders first, then the wanted files, each sorted by name") {
  const TemporaryFolder folder("sorted");
  for (const char* name : {"b.json", "A.json", "c.JSON", "notes.txt", "data.csv", ".hidden.json"})
    folder.file(name);
  for (const char* name : {"zeta", "Alpha", ".git", "scenes.json"}) folder.folder(name);
  const auto listing = lv::app::list_directory(folder.path, {".json"});
  CHECK(listing.error.empty());
  // Letter case is ignored in the order and the extension; a folder named like a file is a
  // folder; hidden names stay out.
  CHECK(names(listing) ==
        std::vector<std::string>{"Alpha/", "scenes.json/", "zeta/", "A.json", "b.json", "c.JSON"});
  const auto two_kinds = lv::app::list_directory(folder.path, {".csv", ".txt"});
  CHECK(names(two_kinds) ==
        std::vector<std::string>{"Alpha/", "scenes.json/", "zeta/", "data.csv", "notes.txt"});
  const auto everything = lv::app::list_directory(folder.path, {});
  CHECK(everything.entries.size() == 8);  // 5 files and 3 folders; hidden ones left out
}

TEST_CASE("a folder that cannot be read gives a message naming it and no entries") {
  const TemporaryFolder folder("unreadable");
  const auto missing = lv::app::list_directory(folder.path / "gone", {".json"});
  CHECK(missing.entries.empty());
  CHECK(missing.error.find("cannot read") == 0);
  CHECK(missing.error.find("gone") != std::string::npos);
  folder.file("plain.json");
  const auto not_a_folder = lv::app::list_directory(folder.path / "plain.json", {});
  CHECK(not_a_folder.entries.empty());
  CHECK_FALSE(not_a_folder.error.empty());
  // Without read permission (root reads it anyway, so the check only applies to other users).
  folder.folder("locked");
  folder.file("locked/inside.json");
  fs::permissions(folder.path / "locked", fs::perms::none);
  if (::geteuid() != 0) {
    const auto locked = lv::app::list_directory(folder.path / "locked", {});
    CHECK(locked.entries.empty());
    CHECK(locked.error.find("ermission") != std::string::npos);
  }
}

TEST_CASE("extensions match at the end of the name, without letter case") {
  using lv::app::has_extension;
  CHECK(has_extension("scene.json", {".json"}));
  CHECK(has_extension("SCENE.JSON", {".json"}));
  CHECK(has_extension("w.safetensors", {".h5", ".safetensors"}));
  CHECK(has_extension("a.tar.gz", {".tar.gz"}));
  CHECK_FALSE(has_extension("scene.json.bak", {".json"}));
  CHECK_FALSE(has_extension(".json", {".json"}));  // a name, not only an extension
  CHECK_FALSE(has_extension("json", {".json"}));
  CHECK(has_extension("anything", {}));
  CHECK(lv::app::extensions_in(".csv (one per run) .json") ==
        std::vector<std::string>{".csv", ".json"});
  CHECK(lv::app::extensions_in(".svg .pdf .png").size() == 3);
}

TEST_CASE("the path bar has one segment per folder from the root") {
  const auto segments = lv::app::path_segments("/home/ada/scenes/");
  REQUIRE(segments.size() == 4);
  CHECK(segments[0].label == "/");
  CHECK(segments[0].location == fs::path("/"));
  CHECK(segments[2].label == "ada");
  CHECK(segments[2].location == fs::path("/home/ada"));
  CHECK(segments[3].location == fs::path("/home/ada/scenes"));
}

TEST_CASE("the chosen path: typed names join the folder, saving adds the missing extension") {
  using lv::app::chosen_path;
  CHECK(chosen_path("/data", "a.json", {".json"}, false) == fs::path("/data/a.json"));
  CHECK(chosen_path("/data", "a", {".json"}, true) == fs::path("/data/a.json"));
  CHECK(chosen_path("/data", "a.JSON", {".json"}, true) == fs::path("/data/a.JSON"));
  CHECK(chosen_path("/data", "b.pdf", {".svg", ".pdf"}, true) == fs::path("/data/b.pdf"));
  CHECK(chosen_path("/data", "a", {".json"}, false) == fs::path("/data/a"));  // opening: as typed
  CHECK(chosen_path("/data", "../x/c.csv", {}, false) == fs::path("/x/c.csv"));
  CHECK(chosen_path("/data", "/abs/d.h5", {".h5"}, false) == fs::path("/abs/d.h5"));
  CHECK(lv::app::path_for_field("/work/a/b.json", "/work") == "a/b.json");
  CHECK(lv::app::path_for_field("/other/b.json", "/work") == "/other/b.json");
}

TEST_CASE("the browser starts in the folder of the field's path, else the working folder") {
  const TemporaryFolder folder("start");
  folder.folder("inner");
  const fs::path working = fs::current_path();
  CHECK(lv::app::starting_directory((folder.path / "inner" / "new.json").string()) ==
        folder.path / "inner");
  CHECK(lv::app::starting_directory((folder.path / "inner").string()) == folder.path / "inner");
  CHECK(lv::app::starting_directory("/no/such/folder/x.json") == working);
  CHECK(lv::app::starting_directory("") == working);
  CHECK(lv::app::starting_directory("scene.json") == working);
}
