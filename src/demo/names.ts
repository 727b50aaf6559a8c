/** Invented people's first and last names, by the region a customer is in. */
import type { Region } from '../modules/accounts/account.ts';

export interface NamePool {
  first: readonly string[];
  last: readonly string[];
}

export const NAMES: Readonly<Record<Region, NamePool>> = {
  north_america: {
    first: [
      'Avery', 'Jordan', 'Maya', 'Ethan', 'Olivia', 'Marcus', 'Priya', 'Daniel', 'Grace', 'Tyler', 'Hannah', 'Andre',
      'Rachel', 'Kevin', 'Sofia', 'Brandon', 'Lauren', 'Derek', 'Nina', 'Caleb', 'Jasmine', 'Owen', 'Leah', 'Victor',
      'Megan', 'Isaiah', 'Claire', 'Trevor', 'Alicia', 'Gabriel', 'Dana', 'Wesley',
    ],
    last: [
      'Whitaker', 'Brennan', 'Castillo', 'Okafor', 'Delgado', 'Harmon', 'Nguyen', 'Patel', 'Fitzgerald', 'Coleman',
      'Reyes', 'Lindqvist', 'Mercer', 'Donovan', 'Chen', 'Abernathy', 'Holloway', 'Sandoval', 'Kowalski', 'Prescott',
      'Osei', 'Gallagher', 'Thornton', 'Vasquez', 'Hartley', 'Bishop', 'Monroe', 'Sutherland', 'Park', 'Ellison',
    ],
  },
  emea: {
    first: [
      'Oliver', 'Amelia', 'Lukas', 'Sophie', 'Hugo', 'Elena', 'Finn', 'Charlotte', 'Matteo', 'Ingrid', 'Tom', 'Aoife',
      'Jonas', 'Clara', 'Pieter', 'Freya', 'Rashid', 'Amara', 'Nils', 'Leonie', 'Julien', 'Isla', 'Stefan', 'Marta',
      'Emre', 'Sanne', 'Callum', 'Yasmin', 'Henrik', 'Chiara', 'Thabo', 'Niamh',
    ],
    last: [
      'Hargreaves', 'Becker', 'Dubois', 'van Dijk', 'Lindgren', 'Murphy', 'Rossi', 'Schneider', 'Okonkwo', 'Moreau',
      'Jansen', 'Kelly', 'Fischer', 'Blackwood', 'Nielsen', 'García', 'Hoffmann', 'Aldridge', 'Bergström', 'Lefèvre',
      'Walsh', 'Kruger', 'Brandt', 'Pemberton', 'de Vries', 'Romero', 'Haddad', 'Sørensen', 'Whitfield', 'Keller',
    ],
  },
  apac: {
    first: [
      'Aiko', 'Rahul', 'Mei', 'Liam', 'Ananya', 'Kenji', 'Zoe', 'Arjun', 'Hana', 'Jack', 'Siti', 'Wei', 'Charlotte',
      'Vikram', 'Yuna', 'Mitchell', 'Deepa', 'Haruto', 'Chloe', 'Ji-woo', 'Nikhil', 'Mia', 'Daniel', 'Kavya', 'Ryo',
      'Isabella', 'Rohan', 'Sakura', 'Ethan', 'Tara',
    ],
    last: [
      'Tanaka', 'Sharma', 'Wong', 'Nakamura', 'Iyer', 'Lim', 'Sato', 'Kumar', 'Tan', 'Fraser', 'Watanabe', 'Menon',
      'Lee', 'Campbell', 'Kobayashi', 'Rao', 'Ng', 'Kaur', 'Yamamoto', 'Kim', 'Gupta', 'Goh', 'Ito', 'Reid', 'Pillai',
      'Choi', 'Desai', 'Hughes', 'Ong', 'Nair',
    ],
  },
  latam: {
    first: [
      'Camila', 'Mateo', 'Valentina', 'Santiago', 'Lucía', 'Diego', 'Isabela', 'Joaquín', 'Mariana', 'Gabriel', 'Fernanda',
      'Tomás', 'Daniela', 'Rafael', 'Sofía', 'Andrés', 'Beatriz', 'Felipe', 'Carolina', 'Emilio', 'Renata', 'Bruno',
      'Paula', 'Nicolás', 'Juliana', 'Martín', 'Ana', 'Thiago',
    ],
    last: [
      'Oliveira', 'Hernández', 'Souza', 'Ramírez', 'Costa', 'González', 'Pereira', 'Morales', 'Alves', 'Torres',
      'Ferreira', 'Rojas', 'Barbosa', 'Vargas', 'Carvalho', 'Castro', 'Ribeiro', 'Mendoza', 'Araújo', 'Ortiz',
      'Lima', 'Silva', 'Navarro', 'Gomes', 'Fuentes', 'Cardoso', 'Salazar', 'Rocha',
    ],
  },
};
