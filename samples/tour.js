const users = [{ name: "Ada", role: { title: "admin" } }, { name: "Lin" }];

const names = users.map((user) => user.name);
const titles = users.map((user) => user?.role?.title ?? "guest");

console.log(`${names.length} users: ${titles.join(", ")}`);
