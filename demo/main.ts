// Placeholder: the demo admin portal replaces this.
const app = document.querySelector<HTMLElement>('#app') ?? document.body;
const heading = document.createElement('h1');
heading.textContent = 'Demo portal coming soon';
app.append(heading);
